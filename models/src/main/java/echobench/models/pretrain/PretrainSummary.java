package echobench.models.pretrain;

import java.nio.file.Path;

/**
 * The result of a pretraining run.
 *
 * @param checkpoint the checkpoint folder of the exported encoder
 * @param steps steps completed in total
 * @param stepsThisSession steps run by this call (fewer after a resume)
 * @param firstLoss loss of the first step of this call
 * @param lastLoss loss of the last step
 * @param wallSeconds wall time of the whole run, earlier sessions included
 * @param stepsPerSecond this call's step rate
 */
public record PretrainSummary(
    Path checkpoint,
    long steps,
    long stepsThisSession,
    double firstLoss,
    double lastLoss,
    double wallSeconds,
    double stepsPerSecond) {}
