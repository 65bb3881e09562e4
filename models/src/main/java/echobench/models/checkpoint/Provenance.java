package echobench.models.checkpoint;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * How a checkpoint's weights came to be, stored in {@code model.json} beside the architecture.
 *
 * @param objective {@code jepa}, {@code mae} or {@code imported}
 * @param config the resolved training config (null for imports)
 * @param configSha256 SHA-256 of the canonical config JSON (or of the imported file)
 * @param data the training data, or the imported file
 * @param seed the run seed
 * @param steps optimiser steps taken
 * @param wallSeconds wall-clock training time
 * @param loss the loss curve up to this checkpoint (null for imports)
 * @param djlVersion DJL's version
 * @param engine the engine and its native library version
 * @param device the device trained on
 * @param created when the checkpoint was written (ISO-8601)
 */
public record Provenance(
    @JsonProperty("objective") String objective,
    @JsonProperty("config") JsonNode config,
    @JsonProperty("config_sha256") String configSha256,
    @JsonProperty("data") String data,
    @JsonProperty("seed") long seed,
    @JsonProperty("steps") long steps,
    @JsonProperty("wall_seconds") double wallSeconds,
    @JsonProperty("loss") LossCurve loss,
    @JsonProperty("djl_version") String djlVersion,
    @JsonProperty("engine") String engine,
    @JsonProperty("device") String device,
    @JsonProperty("created") String created) {

  /** Provenance stamped with the running DJL, engine and the current time. */
  public static Provenance now(
      String objective,
      JsonNode config,
      String configSha256,
      String data,
      long seed,
      long steps,
      double wallSeconds,
      LossCurve loss,
      Device device) {
    Engine engine = Engine.getInstance();
    return new Provenance(
        objective,
        config,
        configSha256,
        data,
        seed,
        steps,
        wallSeconds,
        loss,
        Engine.getDjlVersion(),
        engine.getEngineName() + " " + engine.getVersion(),
        device.toString(),
        Instant.now().toString());
  }
}
