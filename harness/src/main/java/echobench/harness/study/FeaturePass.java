package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import echobench.harness.IntegrityException;
import echobench.harness.MaskChoice;
import echobench.harness.data.Sample;
import echobench.harness.video.VideoReader;
import echobench.perturb.Clip;
import echobench.perturb.Perturbation;
import echobench.perturb.ScanMask;
import echobench.perturb.Seeds;
import echobench.reports.Condition;
import echobench.reports.io.InputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One streaming pass over videos: each video is decoded once, then for every condition perturbed in
 * memory (seed {@code Seeds.forVideo(run seed, video id, perturbation)}, so a video gets the same
 * draw at every severity and for every model), cut into clips and encoded by every encoder that
 * still needs that condition. Videos go through in chunks of {@value #CHUNK}: at most one chunk of
 * decoded videos and one condition's clips are held at a time, however large the dataset.
 *
 * <p>An unreadable video, or one without a fan when the grid uses the fitted ({@code auto}) mask,
 * is skipped (see {@link SkipPolicy}) and absent from every condition and encoder, so all groups
 * of predictions cover the same videos; never is another clip put in its place (each decoded and
 * perturbed clip is checked to come from its sample's own file).
 *
 * <p>A {@link Reencode re-encoded} condition draws with the seed of its plain condition, so both
 * see the same perturbation.
 */
final class FeaturePass {
  /** Videos decoded and encoded together. */
  static final int CHUNK = 8;

  /** Receives the features of one chunk for one encoder and condition. */
  @FunctionalInterface
  interface Sink {
    /**
     * @param encoder the index of the encoder in the pass's list
     * @param condition the condition the videos were seen under
     * @param samples the chunk's readable samples
     * @param tokens per sample, its clips' tokens one after the other ({@code clips×tokens×dim})
     * @param tokensPerClip tokens the encoder returns per clip
     */
    void accept(int encoder, Condition condition, List<Sample> samples, List<float[]> tokens,
        int tokensPerClip);
  }

  /** Reports videos done (for a progress bar). */
  @FunctionalInterface
  interface Progress {
    void videosDone(int count);
  }

  private final List<StudyEncoder> encoders;
  private final Function<String, MaskChoice> maskOf;
  private final Set<MaskChoice> masksInUse;
  private final long seed;
  private final SkipPolicy skips;
  private final NDManager manager;
  /** Where perturbed videos are written, reused from video to video. */
  private float[] scratch = new float[0];
  /** One perturbation per condition, kept for the pass so each can reuse its applied map. */
  private final Map<Condition, Perturbation> perturbations = new LinkedHashMap<>();

  /**
   * @param encoders the encoders, in model order
   * @param maskOf the mask each perturbation of the grid acts on
   * @param masksInUse every mask of the grid; with {@code auto}, each video's fan is fitted once
   *     and a video without one is skipped like an unreadable one
   * @param seed the run seed
   * @param skips where unreadable videos are recorded
   * @param manager parent of the per-batch managers
   */
  FeaturePass(List<StudyEncoder> encoders, Function<String, MaskChoice> maskOf,
      Set<MaskChoice> masksInUse, long seed, SkipPolicy skips, NDManager manager) {
    this.encoders = List.copyOf(encoders);
    this.maskOf = maskOf;
    this.masksInUse = Set.copyOf(masksInUse);
    this.seed = seed;
    this.skips = skips;
    this.manager = manager;
  }

  /**
   * Streams {@code samples} of {@code dataset} through every condition and encoder for which
   * {@code needed} holds; returns the videos skipped.
   */
  List<SkippedVideo> run(String dataset, List<Sample> samples, List<Condition> conditions,
      BiPredicate<Integer, Condition> needed, Sink sink, Progress progress) {
    List<SkippedVideo> skipped = new ArrayList<>();
    for (int start = 0; start < samples.size(); start += CHUNK) {
      List<Sample> chunk = samples.subList(start, Math.min(samples.size(), start + CHUNK));
      List<Sample> kept = new ArrayList<>(chunk.size());
      List<Clip> videos = new ArrayList<>(chunk.size());
      List<Map<MaskChoice, ScanMask>> masks = new ArrayList<>(chunk.size());
      for (Sample sample : chunk) {
        try {
          Clip video = requireSource(VideoReader.read(sample.video()), sample);
          masks.add(masksOf(video));
          videos.add(video);
          kept.add(sample);
        } catch (InputException e) {
          skipped.add(skips.skip(dataset, sample, e.getMessage(), skipped.size() + 1,
              samples.size()));
        }
      }
      if (!kept.isEmpty()) {
        for (Condition condition : conditions) {
          encodeCondition(condition, kept, videos, masks, needed, sink);
        }
      }
      progress.videosDone(chunk.size());
    }
    return skipped;
  }

  /** The video's mask for every mask the grid uses, its fan fitted once. */
  private Map<MaskChoice, ScanMask> masksOf(Clip video) {
    Map<MaskChoice, ScanMask> masks = new EnumMap<>(MaskChoice.class);
    for (MaskChoice choice : masksInUse) {
      masks.put(choice, choice.maskFor(video));
    }
    return masks;
  }

  private void encodeCondition(Condition condition, List<Sample> samples, List<Clip> videos,
      List<Map<MaskChoice, ScanMask>> masks, BiPredicate<Integer, Condition> needed, Sink sink) {
    List<Integer> users = new ArrayList<>();
    for (int e = 0; e < encoders.size(); e++) {
      if (needed.test(e, condition)) {
        users.add(e);
      }
    }
    if (users.isEmpty()) {
      return;
    }
    boolean colour = videos.stream().anyMatch(v -> v.channels() == 3);
    Map<List<Integer>, ClipSampler> samplers = new LinkedHashMap<>();
    for (int e : users) {
      ClipSampler sampler = encoders.get(e).sampler();
      samplers.putIfAbsent(size(sampler), sampler);
    }
    Map<List<Integer>, List<float[]>> clipsBySize = new LinkedHashMap<>();
    for (int v = 0; v < videos.size(); v++) {
      ScanMask mask =
          condition.isClean() ? null : masks.get(v).get(maskOf.apply(condition.perturbation()));
      Clip seen = requireSource(
          perturbed(condition, samples.get(v), videos.get(v), mask), samples.get(v));
      for (Map.Entry<List<Integer>, ClipSampler> entry : samplers.entrySet()) {
        List<float[]> clips = clipsBySize.computeIfAbsent(entry.getKey(), k -> new ArrayList<>());
        for (float[] clip : entry.getValue().sample(seen)) {
          clips.add(colour && seen.channels() == 1 ? toRgb(clip) : clip);
        }
      }
    }
    for (int e : users) {
      StudyEncoder encoder = encoders.get(e);
      ClipSampler sampler = encoder.sampler();
      List<float[]> clips = clipsBySize.get(size(sampler));
      float[][] tokens = encoder.encode(clips, colour ? 3 : 1, manager);
      int perClip = tokens[0].length;
      List<float[]> perVideo = new ArrayList<>(samples.size());
      for (int v = 0; v < samples.size(); v++) {
        float[] all = new float[sampler.clips() * perClip];
        for (int c = 0; c < sampler.clips(); c++) {
          System.arraycopy(tokens[v * sampler.clips() + c], 0, all, c * perClip, perClip);
        }
        perVideo.add(all);
      }
      sink.accept(e, condition, samples, perVideo, perClip / encoder.encoder().embedDim());
    }
  }

  /**
   * Returns {@code clip} after checking it was decoded from {@code sample}'s own file: no clip of
   * another video (or a placeholder) stands in for it.
   *
   * @throws IntegrityException when the clip's source is another file
   */
  private static Clip requireSource(Clip clip, Sample sample) {
    String expected = VideoReader.sourceId(sample.video());
    if (!clip.sourceId().equals(expected)) {
      throw new IntegrityException("video " + sample.id() + " (" + sample.video()
          + ") is represented by a clip of " + clip.sourceId());
    }
    return clip;
  }

  /** Encoders whose samplers cut clips of the same size share them. */
  private static List<Integer> size(ClipSampler sampler) {
    return List.of(sampler.frames(), sampler.resolution());
  }

  /**
   * The video as seen under {@code condition}: untouched when clean (no mask), else perturbed on
   * {@code scanMask} into the pass's one reused buffer (valid until the next call; the clips are
   * sampled out of it at once).
   */
  private Clip perturbed(Condition condition, Sample sample, Clip video, ScanMask scanMask) {
    if (condition.isClean()) {
      return video;
    }
    if (scratch.length != video.data().length) {
      scratch = new float[video.data().length];
    }
    return perturbations
        .computeIfAbsent(condition, Reencode::perturbation)
        .applyInto(video, scanMask,
            Seeds.forVideo(seed, sample.id(), Reencode.plain(condition).perturbation()), scratch);
  }

  /** A grey clip replicated into three equal channels. */
  private static float[] toRgb(float[] grey) {
    float[] rgb = new float[grey.length * 3];
    for (int c = 0; c < 3; c++) {
      System.arraycopy(grey, 0, rgb, c * grey.length, grey.length);
    }
    return rgb;
  }
}
