package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.probe.AttentiveProbeConfig;
import echobench.models.probe.KnnProbe;
import echobench.models.probe.ProbeKind;
import echobench.models.probe.ProbeTraining;
import java.util.List;
import java.util.Locale;

/**
 * One probe trained on every encoder's frozen features. Absent keys take EchoJEPA's protocol.
 *
 * @param kind {@code attentive}, {@code linear} or {@code knn}
 * @param name its name in the tables (default the kind)
 * @param epochs passes over the training split (attentive, linear; default 20)
 * @param batch rows per mini-batch (attentive, linear; default 16)
 * @param lr the grid's learning rates (default 1e-4, 5e-5)
 * @param wd the grid's weight decays (default 0.01, 0.1, 0.4)
 * @param depth attentive blocks: depth − 1 self-attention blocks then the cross-attention (default 4)
 * @param heads attention heads per block (default 16; must divide the token width)
 * @param k neighbours of the k-NN probe (default 20)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeConfig(
    @JsonProperty("kind") String kind,
    @JsonProperty("name") String name,
    @JsonProperty("epochs") Integer epochs,
    @JsonProperty("batch") Integer batch,
    @JsonProperty("lr") List<Double> lr,
    @JsonProperty("wd") List<Double> wd,
    @JsonProperty("depth") Integer depth,
    @JsonProperty("heads") Integer heads,
    @JsonProperty("k") Integer k) {

  /** Most epochs. */
  public static final int MAX_EPOCHS = 10_000;
  /** Largest mini-batch. */
  public static final int MAX_BATCH = 4096;
  /** Most attentive blocks. */
  public static final int MAX_DEPTH = 32;
  /** Most attention heads. */
  public static final int MAX_HEADS = 256;
  /** Most neighbours. */
  public static final int MAX_K = 10_000;

  private static final double VIEW_DROPOUT = 0.1;

  /** Checks the keys against the kind and fills the defaults. */
  public ProbeConfig {
    ProbeKind probeKind = kindOf(kind);
    kind = probeKind.name().toLowerCase(Locale.ROOT);
    name = name == null ? kind : name;
    if (name.isBlank() || name.contains("/") || name.contains(",")) {
      throw new IllegalArgumentException("probe name must be non-empty without '/' or ','");
    }
    boolean trained = probeKind != ProbeKind.KNN;
    if (!trained && (epochs != null || batch != null || lr != null || wd != null)) {
      throw new IllegalArgumentException("a knn probe takes k only, not epochs, batch, lr or wd");
    }
    if (probeKind != ProbeKind.ATTENTIVE && (depth != null || heads != null)) {
      throw new IllegalArgumentException("depth and heads apply to the attentive probe only");
    }
    if (probeKind != ProbeKind.KNN && k != null) {
      throw new IllegalArgumentException("k applies to the knn probe only");
    }
    if (trained) {
      epochs = epochs == null ? 20 : epochs;
      batch = batch == null ? 16 : batch;
      lr = lr == null ? ProbeTraining.ECHOJEPA_LEARNING_RATES : List.copyOf(lr);
      wd = wd == null ? ProbeTraining.ECHOJEPA_WEIGHT_DECAYS : List.copyOf(wd);
      atMost("epochs", epochs, MAX_EPOCHS);
      atMost("batch", batch, MAX_BATCH);
      new ProbeTraining(epochs, batch, lr, wd, VIEW_DROPOUT, 0);
    }
    if (probeKind == ProbeKind.ATTENTIVE) {
      AttentiveProbeConfig defaults = AttentiveProbeConfig.echoJepa();
      depth = depth == null ? defaults.depth() : depth;
      heads = heads == null ? defaults.heads() : heads;
      atMost("depth", depth, MAX_DEPTH);
      atMost("heads", heads, MAX_HEADS);
      new AttentiveProbeConfig(depth, heads, defaults.mlpRatio());
    }
    if (probeKind == ProbeKind.KNN) {
      k = k == null ? 20 : k;
      atMost("k", k, MAX_K);
      new KnnProbe.Settings(k, KnnProbe.Distance.COSINE);
    }
  }

  private static void atMost(String key, int value, int max) {
    if (value > max) {
      throw new IllegalArgumentException("probe " + key + " must be at most " + max + ", not "
          + value);
    }
  }

  private static ProbeKind kindOf(String kind) {
    if (kind != null) {
      for (ProbeKind candidate : ProbeKind.values()) {
        if (candidate.name().equalsIgnoreCase(kind)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("probe kind must be attentive, linear or knn, not " + kind);
  }

  /** The probe's kind. */
  ProbeKind probeKind() {
    return kindOf(kind);
  }

  /** The grid training with {@code seed} (attentive and linear probes). */
  ProbeTraining training(long seed) {
    return new ProbeTraining(epochs, batch, lr, wd, VIEW_DROPOUT, seed);
  }

  /** The attentive probe's shape. */
  AttentiveProbeConfig attentive() {
    return new AttentiveProbeConfig(depth, heads, AttentiveProbeConfig.echoJepa().mlpRatio());
  }

  /** The k-NN settings (cosine distance, as V-JEPA's k-NN evaluation). */
  KnnProbe.Settings knn() {
    return new KnnProbe.Settings(k, KnnProbe.Distance.COSINE);
  }
}
