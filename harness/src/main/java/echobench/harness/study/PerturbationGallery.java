package echobench.harness.study;

import echobench.harness.BadInputException;
import echobench.harness.MaskChoice;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.harness.video.PngWriter;
import echobench.harness.video.VideoReader;
import echobench.perturb.Clip;
import echobench.perturb.Perturbations;
import echobench.perturb.ScanMask;
import echobench.perturb.Seeds;
import echobench.reports.Condition;
import echobench.reports.render.GalleryFrames;
import echobench.reports.render.MarkdownRenderer;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The frames of the report's perturbation gallery: the first readable TEST video of the train
 * dataset, under the clean condition and every perturbed condition of the study, perturbed as
 * {@link FeaturePass} perturbs it (the run seed's per-video draw, the study's mask), its middle
 * frame enlarged to at least {@value #MIN_SIDE} pixels with the scan-mask outline, written to
 * {@code figures/} under the names {@link GalleryFrames} gives.
 */
final class PerturbationGallery {
  /** The shorter side of a written frame is enlarged by a whole factor to at least this. */
  static final int MIN_SIDE = 128;

  /** Okabe–Ito yellow: visible on grey ultrasound. */
  private static final Color OUTLINE = new Color(0xF0, 0xE4, 0x42);

  private PerturbationGallery() {}

  /**
   * Writes the gallery's frames of {@code dataset} into {@code out/figures}; nothing when the
   * dataset has no readable TEST video.
   */
  static void write(Path out, StudyDataset dataset, List<Condition> conditions, String mask,
      long seed) {
    Optional<Sample> first = Optional.empty();
    Clip video = null;
    for (Sample sample : dataset.samples(Split.TEST)) {
      try {
        video = VideoReader.read(sample.video());
        first = Optional.of(sample);
        break;
      } catch (BadInputException e) {
        // an unreadable video is skipped (and recorded) by the evaluation itself
      }
    }
    if (first.isEmpty()) {
      return;
    }
    ScanMask scanMask = MaskChoice.parse(mask).maskFor(video);
    int scale = Math.max(1,
        (MIN_SIDE + Math.min(video.width(), video.height()) - 1)
            / Math.min(video.width(), video.height()));
    Path figures = out.resolve(MarkdownRenderer.FIGURE_DIR);
    try {
      Files.createDirectories(figures);
    } catch (IOException e) {
      throw new BadInputException(figures + ": cannot create the figures folder ("
          + e.getMessage() + ")", e);
    }
    for (Condition c : conditions) {
      if (!c.isClean() && !c.isPerturbed()) {
        continue;
      }
      Clip seen = c.isClean() ? video
          : Perturbations.parse(c.perturbation(), c.severity()).apply(video, scanMask,
              Seeds.forVideo(seed, first.get().id(), c.perturbation()));
      PngWriter.writeFrameWithOutline(seen, seen.frames() / 2, scanMask, scale, OUTLINE,
          figures.resolve(GalleryFrames.fileName(c)));
    }
  }
}
