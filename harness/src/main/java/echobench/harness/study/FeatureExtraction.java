package echobench.harness.study;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import echobench.harness.video.VideoReader;
import echobench.perturb.Clip;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code echobench features}: the frozen tokens of the clips of some videos, written as one float32
 * {@code .npy} array {@code [clips, tokens, D]} (or, pooled, the mean token {@code [clips, D]}). The
 * model is loaded and the clips are cut and normalised exactly as a study does ({@link
 * EncoderLoader}, {@link ClipSampler}, {@link StudyEncoder}); rows are the videos in the order
 * given, each video's clips in time order. Nothing is written unless every video is read.
 */
public final class FeatureExtraction {
  /** The suffix of the output file. */
  static final String NPY = ".npy";

  /**
   * What was written.
   *
   * @param file the {@code .npy} file
   * @param shape its array's shape
   */
  public record Written(Path file, long[] shape) {}

  private FeatureExtraction() {}

  /**
   * Encodes {@code videos} with {@code spec}'s model under {@code sampling} and writes the
   * features to {@code out} atomically.
   *
   * @throws InputException for a bad model spec, model file, video or output path, naming it
   */
  public static Written write(ModelSpec spec, ModelZoo zoo, SamplingConfig sampling, List<Path> videos,
      boolean pooled, Path out, Device device) {
    ModelConfig model = spec.model();
    if (model.pretrain() != null) {
      throw new InputException("model " + model.name() + ": features reads a checkpoint,"
          + " random_init, safetensors or torchscript model; pretrain it first (echobench"
          + " pretrain) and give its checkpoint");
    }
    if (videos.isEmpty()) {
      throw new InputException("features needs at least one video");
    }
    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(NPY)) {
      throw new InputException(out + ": features are written as " + NPY);
    }
    // No pretraining happens here, so the loader is given no model cache.
    EncoderLoader loader = new EncoderLoader(spec.baseDir(), zoo, null, sampling, device);
    long[][] shape = new long[1][];
    try (NDManager manager = NDManager.newBaseManager(device);
        StudyEncoder encoder = loader.load(model, manager)) {
      int dim = encoder.encoder().embedDim();
      AtomicFiles.writeOutput(out, file -> {
        float[][] first = tokens(encoder, videos.get(0), manager);
        int clips = first.length;
        long rows = (long) clips * videos.size();
        shape[0] = pooled
            ? new long[] {rows, dim}
            : new long[] {rows, first[0].length / dim, dim};
        try (NpyStream npy = new NpyStream(file, shape[0])) {
          append(npy, first, dim, pooled);
          for (Path video : videos.subList(1, videos.size())) {
            append(npy, tokens(encoder, video, manager), dim, pooled);
          }
        }
      });
    }
    return new Written(out, shape[0]);
  }

  /** The tokens of each clip of {@code video}, one {@code tokens×D} array per clip. */
  private static float[][] tokens(StudyEncoder encoder, Path video, NDManager manager) {
    Clip clip = VideoReader.read(video);
    return encoder.encode(encoder.sampler().sample(clip), clip.channels(), manager);
  }

  private static void append(NpyStream npy, float[][] clips, int dim, boolean pooled)
      throws IOException {
    for (float[] tokens : clips) {
      npy.write(pooled ? meanToken(tokens, dim) : tokens);
    }
  }

  /** The mean of the {@code tokens.length / dim} tokens, accumulated in double. */
  static float[] meanToken(float[] tokens, int dim) {
    int count = tokens.length / dim;
    double[] sum = new double[dim];
    for (int t = 0; t < count; t++) {
      for (int d = 0; d < dim; d++) {
        sum[d] += tokens[t * dim + d];
      }
    }
    float[] mean = new float[dim];
    for (int d = 0; d < dim; d++) {
      mean[d] = (float) (sum[d] / count);
    }
    return mean;
  }
}
