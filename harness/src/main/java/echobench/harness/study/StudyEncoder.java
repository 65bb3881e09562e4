package echobench.harness.study;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import echobench.models.encoder.InputSpec;
import echobench.models.encoder.VideoEncoder;
import echobench.models.probe.FeatureLayout;
import java.util.List;
import java.util.Map;

/**
 * One loaded encoder of a study with the input it is fed: clips cut by its sampler, normalised by
 * its spec. Encoding goes through a sub-manager per batch, so no array outlives the call.
 *
 * @param name the model's name in the config
 * @param fingerprint identifies the weights (and what produced them), for the cache
 * @param encoder the frozen encoder
 * @param spec frames, size and normalisation of its input
 * @param sampler cuts the encoder's clips from a decoded video
 * @param weights the SHA-256 of every weight file loaded, by path (empty for a random init)
 */
record StudyEncoder(String name, String fingerprint, VideoEncoder encoder, InputSpec spec,
    ClipSampler sampler, Map<String, String> weights) implements AutoCloseable {

  /** Clips encoded in one forward pass. */
  static final int BATCH = 8;

  /**
   * Encodes {@code clips} (each {@code channels×T×H×W} at the spec's size, values in {@code
   * [0,1]}) and returns their tokens, one {@code tokens×dim} array per clip.
   */
  float[][] encode(List<float[]> clips, int channels, NDManager manager) {
    float[][] tokens = new float[clips.size()][];
    for (int start = 0; start < clips.size(); start += BATCH) {
      List<float[]> batch = clips.subList(start, Math.min(clips.size(), start + BATCH));
      try (NDManager scope = manager.newSubManager()) {
        NDArray out = encoder.encode(spec.toBatch(scope, batch, channels));
        float[] values = out.toFloatArray();
        int perClip = values.length / batch.size();
        for (int b = 0; b < batch.size(); b++) {
          float[] clip = new float[perClip];
          System.arraycopy(values, b * perClip, clip, 0, perClip);
          tokens[start + b] = clip;
        }
      }
    }
    return tokens;
  }

  /**
   * The feature layout of one sample: its views (0 for a single-view task is one view), each of
   * its clips, each of the encoder's tokens.
   */
  FeatureLayout layout(int views, int tokensPerClip) {
    return new FeatureLayout(Math.max(1, views), sampler.clips(), tokensPerClip,
        encoder.embedDim());
  }

  @Override
  public void close() {
    encoder.close();
  }
}
