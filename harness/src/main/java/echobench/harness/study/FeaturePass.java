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
import echobench.perturb.SeverityScale;
import echobench.reports.Condition;
import echobench.reports.io.InputException;
import java.nio.file.Path;
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
 * <p>Multi-view samples (one patient in several views) go through the same way, every video of a
 * sample decoded once; each video draws with its own {@link Sample#videoIds() video id}, so the same
 * video gets the same draw whether or not the patient's other views are perturbed, and a condition
 * scoped to one view ({@link Condition#view()}) leaves the other views' features bit-identical to
 * the clean ones.
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
     * @param tokens per sample, its views' clips' tokens one after the other ({@code
     *     views×clips×tokens×dim}, views in the pass's view order; one view for single-view
     *     samples)
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
  private final SeverityScale scale;
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
    this(encoders, maskOf, masksInUse, seed, SeverityScale.PUBLISHED, skips, manager);
  }

  /** As above, with the perturbations' severities on {@code scale}. */
  FeaturePass(List<StudyEncoder> encoders, Function<String, MaskChoice> maskOf,
      Set<MaskChoice> masksInUse, long seed, SeverityScale scale, SkipPolicy skips,
      NDManager manager) {
    this.scale = scale;
    this.encoders = List.copyOf(encoders);
    this.maskOf = maskOf;
    this.masksInUse = Set.copyOf(masksInUse);
    this.seed = seed;
    this.skips = skips;
    this.manager = manager;
  }

  /**
   * Streams the single-view {@code samples} of {@code dataset} through every condition and encoder
   * for which {@code needed} holds; returns the videos skipped.
   */
  List<SkippedVideo> run(String dataset, List<Sample> samples, List<Condition> conditions,
      BiPredicate<Integer, Condition> needed, Sink sink, Progress progress) {
    return run(dataset, List.of(), samples, conditions, needed, sink, progress);
  }

  /**
   * Streams {@code samples} of {@code dataset}, each with one video per view of {@code views} (in
   * that order; an empty list for single-view samples), through every condition and encoder for
   * which {@code needed} holds; returns the samples skipped. Each video of a sample is decoded
   * once and encoded under every condition; a condition {@linkplain Condition#view() scoped} to
   * one view perturbs that view's video and shows the others clean. A sample whose videos are not
   * all readable is skipped whole. A sample's features are its views' stacked in view order,
   * {@code views×clips×tokens×dim} ({@code FeatureLayout}'s order).
   *
   * @throws IllegalArgumentException when a condition is scoped to a view not in {@code views},
   *     or a sample's number of videos is not the number of views
   */
  List<SkippedVideo> run(String dataset, List<String> views, List<Sample> samples,
      List<Condition> conditions, BiPredicate<Integer, Condition> needed, Sink sink,
      Progress progress) {
    for (Condition condition : conditions) {
      if (condition.view() != null && !views.contains(condition.view())) {
        throw new IllegalArgumentException("condition " + condition.label()
            + " is scoped to a view dataset " + dataset + " does not have " + views);
      }
    }
    int perSample = Math.max(1, views.size());
    List<SkippedVideo> skipped = new ArrayList<>();
    for (int start = 0; start < samples.size(); start += CHUNK) {
      List<Sample> chunk = samples.subList(start, Math.min(samples.size(), start + CHUNK));
      List<Sample> kept = new ArrayList<>(chunk.size());
      List<List<Clip>> videos = new ArrayList<>(chunk.size());
      List<List<Map<MaskChoice, ScanMask>>> masks = new ArrayList<>(chunk.size());
      for (Sample sample : chunk) {
        if (sample.videos().size() != perSample) {
          throw new IllegalArgumentException("sample " + sample.id() + " of " + dataset + " has "
              + sample.videos().size() + " videos, not one per view of " + views);
        }
        try {
          List<Clip> decoded = new ArrayList<>(perSample);
          List<Map<MaskChoice, ScanMask>> fitted = new ArrayList<>(perSample);
          for (int k = 0; k < perSample; k++) {
            Clip video = requireSource(VideoReader.read(sample.videos().get(k)), sample, k);
            fitted.add(masksOf(video));
            decoded.add(video);
          }
          masks.add(fitted);
          videos.add(decoded);
          kept.add(sample);
        } catch (InputException e) {
          skipped.add(skips.skip(dataset, sample, e.getMessage(), skipped.size() + 1,
              samples.size()));
        }
      }
      if (!kept.isEmpty()) {
        for (Condition condition : conditions) {
          encodeCondition(condition, views, kept, videos, masks, needed, sink);
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

  private void encodeCondition(Condition condition, List<String> views, List<Sample> samples,
      List<List<Clip>> videos, List<List<Map<MaskChoice, ScanMask>>> masks,
      BiPredicate<Integer, Condition> needed, Sink sink) {
    List<Integer> users = new ArrayList<>();
    for (int e = 0; e < encoders.size(); e++) {
      if (needed.test(e, condition)) {
        users.add(e);
      }
    }
    if (users.isEmpty()) {
      return;
    }
    boolean colour =
        videos.stream().flatMap(List::stream).anyMatch(v -> v.channels() == 3);
    Map<List<Integer>, ClipSampler> samplers = new LinkedHashMap<>();
    for (int e : users) {
      ClipSampler sampler = encoders.get(e).sampler();
      samplers.putIfAbsent(size(sampler), sampler);
    }
    int perSample = Math.max(1, views.size());
    Map<List<Integer>, List<float[]>> clipsBySize = new LinkedHashMap<>();
    for (int s = 0; s < samples.size(); s++) {
      Sample sample = samples.get(s);
      for (int k = 0; k < perSample; k++) {
        Clip video = videos.get(s).get(k);
        boolean applied = condition.appliesTo(views.isEmpty() ? null : views.get(k));
        Clip seen = applied
            ? requireSource(perturbed(condition, sample.videoIds().get(k), video,
                masks.get(s).get(k).get(maskOf.apply(condition.perturbation()))), sample, k)
            : video;
        for (Map.Entry<List<Integer>, ClipSampler> entry : samplers.entrySet()) {
          List<float[]> clips =
              clipsBySize.computeIfAbsent(entry.getKey(), key -> new ArrayList<>());
          for (float[] clip : entry.getValue().sample(seen)) {
            clips.add(colour && seen.channels() == 1 ? toRgb(clip) : clip);
          }
        }
      }
    }
    for (int e : users) {
      StudyEncoder encoder = encoders.get(e);
      ClipSampler sampler = encoder.sampler();
      List<float[]> clips = clipsBySize.get(size(sampler));
      float[][] tokens = encoder.encode(clips, colour ? 3 : 1, manager);
      int perClip = tokens[0].length;
      int streams = perSample * sampler.clips();
      List<float[]> perVideo = new ArrayList<>(samples.size());
      for (int s = 0; s < samples.size(); s++) {
        float[] all = new float[streams * perClip];
        for (int c = 0; c < streams; c++) {
          System.arraycopy(tokens[s * streams + c], 0, all, c * perClip, perClip);
        }
        perVideo.add(all);
      }
      sink.accept(e, condition, samples, perVideo, perClip / encoder.encoder().embedDim());
    }
  }

  /**
   * Returns {@code clip} after checking it was decoded from {@code sample}'s own file of {@code
   * view}: no clip of another video (or a placeholder) stands in for it.
   *
   * @throws IntegrityException when the clip's source is another file
   */
  private static Clip requireSource(Clip clip, Sample sample, int view) {
    Path file = sample.videos().get(view);
    String expected = VideoReader.sourceId(file);
    if (!clip.sourceId().equals(expected)) {
      throw new IntegrityException("video " + sample.videoIds().get(view) + " (" + file
          + ") is represented by a clip of " + clip.sourceId());
    }
    return clip;
  }

  /** Encoders whose samplers cut clips of the same size share them. */
  private static List<Integer> size(ClipSampler sampler) {
    return List.of(sampler.frames(), sampler.resolution());
  }

  /**
   * The video {@code videoId} perturbed under {@code condition} on {@code scanMask} into the
   * pass's one reused buffer (valid until the next call; the clips are sampled out of it at once).
   */
  private Clip perturbed(Condition condition, String videoId, Clip video, ScanMask scanMask) {
    if (scratch.length != video.data().length) {
      scratch = new float[video.data().length];
    }
    return perturbations
        .computeIfAbsent(condition, c -> Reencode.perturbation(c, scale))
        .applyInto(video, scanMask,
            Seeds.forVideo(seed, videoId, Reencode.plain(condition).perturbation()), scratch);
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
