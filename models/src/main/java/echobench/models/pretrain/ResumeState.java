package echobench.models.pretrain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The small JSON beside a run's resumable state ({@code training-state.json}): how many steps were
 * done, the hash of the config that did them (a resume with another config is refused), and the
 * wall time spent so far. All random draws derive from (seed, step), so no generator state is needed.
 */
record ResumeState(
    @JsonProperty("completed_steps") long completedSteps,
    @JsonProperty("config_sha256") String configSha256,
    @JsonProperty("wall_seconds") double wallSeconds) {}
