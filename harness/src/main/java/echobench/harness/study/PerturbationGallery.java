package echobench.harness.study;

import echobench.harness.MaskChoice;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.harness.video.PngWriter;
import echobench.harness.video.VideoReader;
import echobench.perturb.Clip;
import echobench.perturb.Perturbations;
import echobench.perturb.ScanMask;
import echobench.perturb.Seeds;
import echobench.perturb.SeverityScale;
import echobench.reports.Condition;
import echobench.reports.io.InputException;
import echobench.reports.render.GalleryFrames;
import echobench.reports.render.MarkdownRenderer;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The frames of the report's perturbation gallery: the first TEST video of the train dataset that
 * the evaluation can use (readable, with every mask the grid needs), under the clean condition
 * and every perturbed condition of the study, perturbed as {@link FeaturePass} perturbs it (the
 * run seed's per-video draw, each perturbation's mask), its middle frame enlarged to at least
 * {@value #MIN_SIDE} pixels, a perturbed frame with the outline of the mask it acted on. Written
 * to {@code figures/} under the names {@link GalleryFrames} gives.
 */
final class PerturbationGallery {
  /** The shorter side of a written frame is enlarged by a whole factor to at least this. */
  static final int MIN_SIDE = 128;

  /** Okabe–Ito yellow: visible on grey ultrasound. */
  private static final Color OUTLINE = new Color(0xF0, 0xE4, 0x42);

  private PerturbationGallery() {}

  /**
   * Writes the gallery's frames of {@code dataset} into {@code out/figures}; nothing when no TEST
   * video can be used.
   *
   * @param maskOf the mask each perturbation of the grid acts on
   * @param scale what the severities mean
   */
  static void write(Path out, StudyDataset dataset, List<Condition> conditions,
      Function<String, MaskChoice> maskOf, long seed, SeverityScale scale) {
    // A re-encoded twin looks like its plain condition plus codec-h264@1; the grid's frames suffice.
    // A multi-view sample shows its first view, so only conditions on every view are drawn.
    List<Condition> shown = conditions.stream()
        .filter(c -> (c.isClean() || c.isPerturbed()) && !Reencode.isReencoded(c)
            && c.view() == null).toList();
    for (Sample sample : dataset.samples(Split.TEST)) {
      Clip video;
      Map<MaskChoice, ScanMask> masks = new EnumMap<>(MaskChoice.class);
      try {
        video = VideoReader.read(sample.video());
        for (Condition c : shown) {
          if (c.isPerturbed()) {
            MaskChoice choice = maskOf.apply(c.perturbation());
            if (!masks.containsKey(choice)) {
              masks.put(choice, choice.maskFor(video));
            }
          }
        }
      } catch (InputException e) {
        continue; // the evaluation skips (and records) this video as well
      }
      write(out, sample, video, shown, c -> masks.get(maskOf.apply(c.perturbation())), seed,
          scale);
      return;
    }
  }

  private static void write(Path out, Sample sample, Clip video, List<Condition> conditions,
      Function<Condition, ScanMask> maskOf, long seed, SeverityScale severities) {
    int side = Math.min(video.width(), video.height());
    int scale = Math.max(1, (MIN_SIDE + side - 1) / side);
    Path figures = out.resolve(MarkdownRenderer.FIGURE_DIR);
    try {
      Files.createDirectories(figures);
    } catch (IOException e) {
      throw new InputException(figures + ": cannot create the figures folder ("
          + e.getMessage() + ")", e);
    }
    for (Condition c : conditions) {
      Optional<ScanMask> mask = c.isClean() ? Optional.empty() : Optional.of(maskOf.apply(c));
      Clip seen = c.isClean() ? video
          : Perturbations.parse(c.perturbation(), c.severity(), severities).apply(video, mask.get(),
              Seeds.forVideo(seed, sample.id(), c.perturbation()));
      PngWriter.writeEnlargedFrame(seen, seen.frames() / 2, scale, mask, OUTLINE,
          figures.resolve(GalleryFrames.fileName(c)));
    }
  }
}
