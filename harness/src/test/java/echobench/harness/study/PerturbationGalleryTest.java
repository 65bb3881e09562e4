package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.harness.MaskChoice;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.harness.video.VideoWriter;
import echobench.perturb.Clip;
import echobench.perturb.SeverityScale;
import echobench.reports.Condition;
import echobench.reports.render.GalleryFrames;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerturbationGalleryTest {
  private static final int SIZE = 32;
  private static final int YELLOW = 0xF0E442;

  @Test
  void writesTheFirstReadableTestVideoUnderEveryConditionWithItsMaskOutline(@TempDir Path dir)
      throws IOException {
    float[] grey = new float[8 * SIZE * SIZE];
    Arrays.fill(grey, 0.6f);
    Path video = dir.resolve("b.avi");
    VideoWriter.write(new Clip(grey, 1, 8, SIZE, SIZE, 25, "b"), video);
    List<Sample> samples = List.of(
        new Sample("a", List.of(video), 50f, null, Split.TRAIN, Map.of()),
        new Sample("missing", List.of(dir.resolve("missing.avi")), 50f, null, Split.TEST,
            Map.of()),
        new Sample("b", List.of(video), 50f, null, Split.TEST, Map.of()));
    Condition depth1 = new Condition("depth-exp", 1);
    Condition depth3 = new Condition("depth-exp", 3);
    Path out = dir.resolve("run");
    PerturbationGallery.write(out, new StudyDataset("adult", samples, "f", dir.resolve("FileList.csv")),
        List.of(Condition.CLEAN, new Condition("depth-exp", 0), depth1, depth3),
        perturbation -> MaskChoice.FULL, 5, SeverityScale.PUBLISHED);

    Path figures = out.resolve("figures");
    assertThat(figures.resolve(GalleryFrames.fileName(new Condition("depth-exp", 0))))
        .doesNotExist();
    BufferedImage clean = ImageIO.read(figures.resolve(GalleryFrames.fileName(Condition.CLEAN))
        .toFile());
    BufferedImage mild = ImageIO.read(figures.resolve(GalleryFrames.fileName(depth1)).toFile());
    BufferedImage severe = ImageIO.read(figures.resolve(GalleryFrames.fileName(depth3)).toFile());
    // 32 pixels enlarged 4 times to reach 128
    int scale = PerturbationGallery.MIN_SIDE / SIZE;
    assertThat(clean.getWidth()).isEqualTo(SIZE * scale);
    assertThat(clean.getHeight()).isEqualTo(SIZE * scale);
    // the full mask's outline is the frame's edge, one pixel wide; the clean frame has none
    for (int i = 0; i < SIZE * scale; i++) {
      assertThat(mild.getRGB(i, 0) & 0xFFFFFF).isEqualTo(YELLOW);
      assertThat(mild.getRGB(0, i) & 0xFFFFFF).isEqualTo(YELLOW);
      assertThat(severe.getRGB(SIZE * scale - 1, i) & 0xFFFFFF).isEqualTo(YELLOW);
      assertThat(clean.getRGB(i, 0) & 0xFFFFFF).isNotEqualTo(YELLOW);
    }
    assertThat(mild.getRGB(1, 1) & 0xFFFFFF).isNotEqualTo(YELLOW);
    // depth-exp multiplies by exp(−γ·d), d = distance from the top centre in normalised units:
    // at the bottom row's centre d ≈ 1, γ = 0.75 at severity 1 and 2.15 at severity 3
    int x = (SIZE / 2) * scale + 1;
    int y = (SIZE - 1) * scale + 1;
    double xn = (SIZE / 2) / (SIZE - 1.0);
    double d = Math.sqrt((xn - 0.5) * (xn - 0.5) + 1);
    int cleanLevel = clean.getRGB(x, y) & 0xFF;
    // the levels are the clip's own (0.6 → 153 give or take the codec), not gamma-brightened
    assertThat(cleanLevel).isCloseTo(153, within(4));
    assertThat(mild.getRGB(x, y) & 0xFF)
        .isCloseTo((int) Math.round(cleanLevel * Math.exp(-0.75 * d)), within(2));
    assertThat(severe.getRGB(x, y) & 0xFF)
        .isCloseTo((int) Math.round(cleanLevel * Math.exp(-2.15 * d)), within(2));
    // next to the apex, d = |xn − 0.5|: almost unchanged
    assertThat(severe.getRGB(x, 2) & 0xFF).isCloseTo(
        (int) Math.round((clean.getRGB(x, 2) & 0xFF) * Math.exp(-2.15 * Math.abs(xn - 0.5))),
        within(2));
  }
}
