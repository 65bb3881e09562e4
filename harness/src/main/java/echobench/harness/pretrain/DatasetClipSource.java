package echobench.harness.pretrain;

import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.harness.study.ClipSampler;
import echobench.harness.video.FrameWindow;
import echobench.harness.video.VideoReader;
import echobench.models.pretrain.ClipShape;
import echobench.models.pretrain.ClipSource;
import echobench.perturb.Clip;
import echobench.perturb.Seeds;
import echobench.reports.io.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Unlabelled pretraining clips from the TRAIN split of a dataset in the EchoNet-Dynamic layout (VAL
 * and TEST are never read, so pretraining cannot see the videos the probes are judged on).
 *
 * <p>Each video is cut into consecutive windows of {@code frames} frames taken every {@value
 * #FRAME_STEP} frames (the study's sampling); a video shorter than one window gives one window that
 * repeats its last frame. The clips are these windows, all of them or a seeded choice of {@code
 * clips}. A clip is decoded when it is asked for, only up to its last frame, and resized as the study
 * resizes (short side to {@code resolution·256/224}, centre crop, see {@link ClipSampler}), so
 * memory holds one video window at a time whatever the dataset's size. Frame counts come from the
 * file list's {@code NumberOfFrames} column, or from probing the video when it has none.
 */
public final class DatasetClipSource implements ClipSource {
  /** Distance between the frames of a window, as in the study's clip sampling. */
  public static final int FRAME_STEP = 2;

  private static final String FRAME_COUNT_COLUMN = "NumberOfFrames";

  private final Path root;
  private final List<Window> windows;
  private final ClipShape shape;
  private final ClipSampler resize;
  private final long seed;

  /** One window of one video: its first frame. */
  private record Window(Path video, int start) {}

  private DatasetClipSource(Path root, List<Window> windows, ClipShape shape, long seed) {
    this.root = root;
    this.windows = List.copyOf(windows);
    this.shape = shape;
    this.resize = new ClipSampler(shape.frames(), 1, 1, shape.height());
    this.seed = seed;
  }

  /**
   * Lists the windows of the TRAIN videos under {@code root}.
   *
   * @param clips how many windows to use, chosen with {@code seed}; 0 = all
   * @throws InputException when the file list is missing or malformed, or lists no TRAIN video
   */
  public static DatasetClipSource open(Path root, int clips, long seed, int frames, int resolution) {
    List<Sample> train = EchoNetDynamicDataset.load(root).samples(Split.TRAIN);
    if (train.isEmpty()) {
      throw new InputException(
          root.resolve(EchoNetDynamicDataset.FILE_LIST) + ": lists no TRAIN video to pretrain on");
    }
    int span = (frames - 1) * FRAME_STEP + 1;
    List<Window> windows = new ArrayList<>();
    for (Sample sample : train) {
      int count = Math.max(1, frameCount(sample, root) / span);
      for (int k = 0; k < count; k++) {
        windows.add(new Window(sample.video(), k * span));
      }
    }
    if (clips > 0 && clips < windows.size()) {
      windows = choose(windows, clips, seed);
    }
    int channels = VideoReader.probe(windows.get(0).video()).grey() ? 1 : 3;
    return new DatasetClipSource(
        root, windows, new ClipShape(channels, frames, resolution, resolution), seed);
  }

  private static int frameCount(Sample sample, Path root) {
    String declared = sample.metadata().get(FRAME_COUNT_COLUMN);
    if (declared != null && !declared.isBlank()) {
      try {
        return Integer.parseInt(declared.strip());
      } catch (NumberFormatException e) {
        throw new InputException(root.resolve(EchoNetDynamicDataset.FILE_LIST) + ": "
            + FRAME_COUNT_COLUMN + " of " + sample.id() + " is not a whole number: " + declared, e);
      }
    }
    return VideoReader.probe(sample.video()).frames();
  }

  /** {@code clips} windows drawn without replacement by a seeded shuffle. */
  private static List<Window> choose(List<Window> all, int clips, long seed) {
    List<Window> shuffled = new ArrayList<>(all);
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "pretraining-windows"));
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Window swap = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, swap);
    }
    return shuffled.subList(0, clips);
  }

  @Override
  public int size() {
    return windows.size();
  }

  @Override
  public ClipShape shape() {
    return shape;
  }

  @Override
  public void fill(int index, float[] destination) {
    Window window = windows.get(index);
    Clip decoded = VideoReader.read(window.video(), new FrameWindow(window.start(), shape.frames(), FRAME_STEP));
    float[] clip = resize.sample(decoded).get(0);
    if (decoded.channels() == shape.channels()) {
      System.arraycopy(clip, 0, destination, 0, clip.length);
    } else if (decoded.channels() == 1) {
      int plane = clip.length;
      for (int c = 0; c < shape.channels(); c++) {
        System.arraycopy(clip, 0, destination, c * plane, plane);
      }
    } else {
      int plane = destination.length;
      for (int i = 0; i < plane; i++) {
        destination[i] = (clip[i] + clip[plane + i] + clip[2 * plane + i]) / 3f;
      }
    }
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%s TRAIN split, %d windows of %d frames (step %d) at %d²,"
            + " seed %d", root, windows.size(), shape.frames(), FRAME_STEP, shape.width(), seed);
  }
}
