package echobench.models.pretrain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import echobench.models.encoder.VitConfig;
import echobench.reports.io.Sha256;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One pretraining run, as read from {@code configs/pretrain/*.yaml} (snake_case keys; unknown keys
 * are errors; keys marked optional below take the stated default).
 *
 * @param objective {@code jepa} or {@code mae}
 * @param encoder ViT size ({@link VitConfig#SIZES})
 * @param tubelet frames per token (optional, 2)
 * @param patch pixels per token side (optional, 16)
 * @param frames frames per training clip (optional, 16)
 * @param resolution square crop side in pixels (optional, 112)
 * @param predictor the JEPA predictor or MAE decoder size
 * @param masks JEPA multiblock masks (optional, V-JEPA's pair)
 * @param maskRatio MAE tube mask ratio (optional, 0.9)
 * @param batchSize clips per step
 * @param steps optimiser steps
 * @param warmupSteps linear warm-up steps (optional, steps/10)
 * @param startLr learning rate at step 0 (optional, 0)
 * @param lr peak learning rate
 * @param finalLr learning rate at the last step (optional, 1e-6)
 * @param weightDecay AdamW decoupled decay (optional, 0.04)
 * @param gradClip global gradient-norm limit, 0 = none (optional, 10)
 * @param emaStart JEPA target momentum at step 0 (optional, 0.998)
 * @param emaEnd JEPA target momentum at the last step (optional, 1.0)
 * @param crop random resized crop (optional, EchoJEPA's scale 0.5–1, aspect 0.9–1.1)
 * @param checkpointEvery steps between checkpoints (optional, 500; always one at the end)
 * @param seed run seed: initialisation, clip order, crops, masks (optional, 0)
 * @param data where the clips come from (optional when the caller supplies them)
 */
public record PretrainConfig(
    @JsonProperty("objective") String objective,
    @JsonProperty("encoder") String encoder,
    @JsonProperty("tubelet") int tubelet,
    @JsonProperty("patch") int patch,
    @JsonProperty("frames") int frames,
    @JsonProperty("resolution") int resolution,
    @JsonProperty("predictor") PredictorSpec predictor,
    @JsonProperty("masks") List<MaskSpec> masks,
    @JsonProperty("mask_ratio") double maskRatio,
    @JsonProperty("batch_size") int batchSize,
    @JsonProperty("steps") int steps,
    @JsonProperty("warmup_steps") int warmupSteps,
    @JsonProperty("start_lr") double startLr,
    @JsonProperty("lr") double lr,
    @JsonProperty("final_lr") double finalLr,
    @JsonProperty("weight_decay") double weightDecay,
    @JsonProperty("grad_clip") double gradClip,
    @JsonProperty("ema_start") double emaStart,
    @JsonProperty("ema_end") double emaEnd,
    @JsonProperty("crop") RandomResizedCrop crop,
    @JsonProperty("checkpoint_every") int checkpointEvery,
    @JsonProperty("seed") long seed,
    @JsonProperty("data") PretrainData data) {

  /** The JEPA objective's name. */
  public static final String JEPA = "jepa";

  /** The MAE objective's name. */
  public static final String MAE = "mae";

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  /** Validates every value. */
  public PretrainConfig {
    objective = Objects.requireNonNull(objective, "objective is required").toLowerCase(Locale.ROOT);
    if (!objective.equals(JEPA) && !objective.equals(MAE)) {
      throw new IllegalArgumentException("objective must be jepa or mae, not '" + objective + "'");
    }
    Objects.requireNonNull(encoder, "encoder is required");
    Objects.requireNonNull(predictor, "predictor is required");
    masks = List.copyOf(masks);
    if (masks.isEmpty()) {
      throw new IllegalArgumentException("masks must not be empty");
    }
    if (batchSize <= 0 || steps <= 0 || warmupSteps < 0 || warmupSteps > steps) {
      throw new IllegalArgumentException(
          "need batch_size > 0, steps > 0 and 0 <= warmup_steps <= steps");
    }
    if (!(maskRatio > 0 && maskRatio < 1)) {
      throw new IllegalArgumentException("mask_ratio must lie in (0, 1)");
    }
    if (!(lr > 0) || startLr < 0 || finalLr < 0 || weightDecay < 0 || gradClip < 0) {
      throw new IllegalArgumentException("lr must be positive; start_lr, final_lr, weight_decay, grad_clip >= 0");
    }
    if (checkpointEvery <= 0) {
      throw new IllegalArgumentException("checkpoint_every must be positive");
    }
    Objects.requireNonNull(crop, "crop");
    new EmaSchedule(emaStart, emaEnd, steps);
    // Checks the size name and that the clip tiles into tubelets.
    VitConfig.named(encoder).withTokens(tubelet, patch).withInput(frames, resolution);
  }

  /** The YAML/JSON creator: absent optional keys take their defaults. */
  @JsonCreator
  static PretrainConfig fromKeys(
      @JsonProperty("objective") String objective,
      @JsonProperty("encoder") String encoder,
      @JsonProperty("tubelet") Integer tubelet,
      @JsonProperty("patch") Integer patch,
      @JsonProperty("frames") Integer frames,
      @JsonProperty("resolution") Integer resolution,
      @JsonProperty("predictor") PredictorSpec predictor,
      @JsonProperty("masks") List<MaskSpec> masks,
      @JsonProperty("mask_ratio") Double maskRatio,
      @JsonProperty("batch_size") Integer batchSize,
      @JsonProperty("steps") Integer steps,
      @JsonProperty("warmup_steps") Integer warmupSteps,
      @JsonProperty("start_lr") Double startLr,
      @JsonProperty("lr") Double lr,
      @JsonProperty("final_lr") Double finalLr,
      @JsonProperty("weight_decay") Double weightDecay,
      @JsonProperty("grad_clip") Double gradClip,
      @JsonProperty("ema_start") Double emaStart,
      @JsonProperty("ema_end") Double emaEnd,
      @JsonProperty("crop") RandomResizedCrop crop,
      @JsonProperty("checkpoint_every") Integer checkpointEvery,
      @JsonProperty("seed") Long seed,
      @JsonProperty("data") PretrainData data) {
    int stepCount = Objects.requireNonNull(steps, "steps is required");
    return new PretrainConfig(
        objective,
        encoder,
        or(tubelet, 2),
        or(patch, 16),
        or(frames, 16),
        or(resolution, 112),
        predictor,
        masks == null ? MaskSpec.VJEPA : masks,
        or(maskRatio, 0.9),
        Objects.requireNonNull(batchSize, "batch_size is required"),
        stepCount,
        or(warmupSteps, stepCount / 10),
        or(startLr, 0.0),
        Objects.requireNonNull(lr, "lr is required"),
        or(finalLr, 1e-6),
        or(weightDecay, 0.04),
        or(gradClip, 10.0),
        or(emaStart, 0.998),
        or(emaEnd, 1.0),
        crop == null ? RandomResizedCrop.ECHOJEPA : crop,
        or(checkpointEvery, 500),
        or(seed, 0L),
        data);
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** The encoder architecture this run trains. */
  public VitConfig encoderConfig() {
    return VitConfig.named(encoder).withTokens(tubelet, patch).withInput(frames, resolution);
  }

  /** The learning-rate schedule. */
  public echobench.models.nn.LrSchedule lrSchedule() {
    return new echobench.models.nn.LrSchedule(startLr, lr, finalLr, warmupSteps, steps);
  }

  /** The JEPA target momentum schedule. */
  public EmaSchedule emaSchedule() {
    return new EmaSchedule(emaStart, emaEnd, steps);
  }

  /** The config as canonical JSON (sorted keys): what the hash covers. */
  public String canonicalJson() {
    try {
      return CANONICAL.writeValueAsString(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of {@link #canonicalJson()}, hex: identifies the run's inputs for caching and resume. */
  public String sha256() {
    return Sha256.hex(canonicalJson());
  }
}
