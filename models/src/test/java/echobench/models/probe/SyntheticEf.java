package echobench.models.probe;

import java.util.Random;

/**
 * A frozen-feature stand-in for echo clips whose ejection fraction is spread across tokens: the
 * first half of a clip's tokens carry the end-diastolic volume along a fixed direction, the second
 * half the end-systolic volume, and every token also carries a fixed vector naming its position. EF
 * = (EDV − ESV)/EDV is a ratio of two token-group statistics: mean pooling mixes the groups, so only
 * a probe that tells tokens apart can recover it.
 */
final class SyntheticEf {
  static final int TOKENS = 8;
  static final int DIM = 16;

  private final float[][] positions = new float[TOKENS][DIM];
  private final float[] direction = new float[DIM];

  SyntheticEf(long seed) {
    Random random = new Random(seed);
    for (float[] position : positions) {
      for (int d = 0; d < DIM; d++) {
        position[d] = (float) random.nextGaussian();
      }
    }
    double norm = 0;
    for (int d = 0; d < DIM; d++) {
      direction[d] = (float) random.nextGaussian();
      norm += direction[d] * direction[d];
    }
    for (int d = 0; d < DIM; d++) {
      direction[d] /= (float) Math.sqrt(norm);
    }
  }

  /** {@code count} videos of {@code clips} clips, EF uniform in 20–75 %, EDV uniform in 80–160 ml. */
  FeatureSet videos(int count, int clips, long seed) {
    Random random = new Random(seed);
    FeatureLayout layout = new FeatureLayout(1, clips, TOKENS, DIM);
    FeatureSet.Builder set = FeatureSet.builder(layout, ProbeTask.regression());
    for (int v = 0; v < count; v++) {
      double ef = 20 + 55 * random.nextDouble();
      double edv = 80 + 80 * random.nextDouble();
      double esv = edv * (1 - ef / 100);
      float[] tokens = new float[layout.sampleFloats()];
      for (int c = 0; c < clips; c++) {
        for (int t = 0; t < TOKENS; t++) {
          double volume = (t < TOKENS / 2 ? edv : esv) / 40;
          int row = layout.offset(0, c) + t * DIM;
          for (int d = 0; d < DIM; d++) {
            tokens[row + d] =
                (float) (volume * direction[d] + positions[t][d] + 0.05 * random.nextGaussian());
          }
        }
      }
      set.add(FeatureSample.of("video-" + seed + "-" + v, tokens, (float) ef));
    }
    return set.build();
  }
}
