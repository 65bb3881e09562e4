package echobench.harness.video;

import echobench.perturb.Clip;
import echobench.reports.io.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a video file (AVI/MJPEG, MP4/H.264, MKV/FFV1, Y4M, or anything else FFmpeg reads) into a
 * {@link Clip}: intensities {@code level/255} (see {@link Quantisation}), fps from the container,
 * source id = the file name without its extension.
 *
 * <p>Grey or colour: a video is read as one channel when every decoded pixel has equal red, green
 * and blue (a grey pixel format, or RGB frames that carry grey). For sources stored as luma and
 * chroma (MJPEG, H.264) a difference of up to {@value #CHROMA_TOLERANCE} levels still counts as
 * grey, because lossy chroma does not stay exactly neutral; the grey value is then the rounded
 * channel mean. Everything else is read as RGB.
 *
 * <p>Every failure (missing, empty, not a video, truncated, no frames, a frame size beyond {@link
 * #MAX_SIDE} or a clip beyond {@link #MAX_CLIP_PIXELS}) is a {@link
 * InputException} whose message starts with the file.
 */
public final class VideoReader {
  /** Largest channel difference, in 8-bit levels, of a grey pixel in a luma/chroma source. */
  public static final int CHROMA_TOLERANCE = 2;
  /** Largest frame width or height read, in pixels: checked on the declared size, before decoding. */
  public static final int MAX_SIDE = 4096;
  /**
   * Largest decoded clip, in pixels (frames × height × width; 1024×768 × 170 frames, 112×112 ×
   * 10,700): checked before each frame is kept, so a long or large video is refused before it
   * exhausts the heap (a colour pixel takes 15 bytes while decoding, a grey one 7).
   */
  public static final long MAX_CLIP_PIXELS = 1L << 27;

  private VideoReader() {}

  /** Reads every frame of {@code file}. */
  public static Clip read(Path file) {
    return read(file, FrameWindow.ALL);
  }

  /**
   * Reads the frames of {@code file} that {@code window} keeps, decoding no further than its last
   * frame and holding only the kept frames. A video that ends inside the window gives a shorter
   * clip; one that ends before the window starts is an error. A file whose decoding stops short of
   * the frame count its container declares is reported as truncated; damage after the window's
   * last frame goes unnoticed, since those frames are never decoded.
   */
  public static Clip read(Path file, FrameWindow window) {
    try (VideoSource source = VideoSource.open(file)) {
      List<byte[]> kept = new ArrayList<>();
      long index = 0;
      boolean ended = false;
      while (index <= window.lastIndex()) {
        if (window.keeps(index)) {
          byte[] frame = source.nextFrame();
          if (frame == null) {
            ended = true;
            break;
          }
          requireFits(file, kept.size() + 1L, source.width(), source.height());
          kept.add(frame);
        } else if (!source.skipFrame()) {
          ended = true;
          break;
        }
        index++;
      }
      if (ended) {
        requireComplete(source, index);
      }
      if (kept.isEmpty()) {
        throw VideoSource.unreadable(
            file, index == 0 ? "no frames" : "only " + index + " frames, none from frame "
                + window.start(), null);
      }
      return toClip(kept, source, sourceId(file));
    }
  }

  /**
   * Frame count, rate, size and greyness of {@code file}, decoding only its first frame (and
   * counting frames only when the container states neither a count nor a duration).
   */
  public static VideoInfo probe(Path file) {
    try (VideoSource source = VideoSource.open(file)) {
      byte[] first = source.nextFrame();
      if (first == null) {
        throw VideoSource.unreadable(file, "no frames", null);
      }
      boolean grey = isGrey(first, tolerance(source));
      VideoSource.FrameCount declared = source.declaredFrames();
      long frames;
      if (declared != null) {
        frames = declared.frames();
      } else {
        frames = 1;
        while (source.skipFrame()) {
          frames++;
        }
      }
      return new VideoInfo(
          (int) Math.min(Integer.MAX_VALUE, frames), source.fps(), source.width(), source.height(),
          grey);
    }
  }

  /** The file name without its extension: the clip's source id. */
  public static String sourceId(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * After decoding stopped at {@code decoded} frames, fails if the container promised more: the
   * file was cut short. An estimated count (from the duration) may be one frame off.
   */
  private static void requireComplete(VideoSource source, long decoded) {
    VideoSource.FrameCount declared = source.declaredFrames();
    if (declared == null) {
      return;
    }
    long missing = declared.frames() - decoded;
    if (missing > (declared.exact() ? 0 : 1)) {
      throw VideoSource.unreadable(
          source.file(),
          "truncated: " + decoded + " of " + declared.frames() + " frames decodable", null);
    }
  }

  /** Fails, naming {@code file}, if {@code frames} frames of this size exceed {@link #MAX_CLIP_PIXELS}. */
  static void requireFits(Path file, long frames, int width, int height) {
    if (frames * width * height > MAX_CLIP_PIXELS) {
      throw VideoSource.unreadable(
          file, frames + " frames of " + width + "×" + height + " exceed the limit of "
              + MAX_CLIP_PIXELS + " decoded pixels", null);
    }
  }

  private static int tolerance(VideoSource source) {
    return source.storesRgb() ? 0 : CHROMA_TOLERANCE;
  }

  private static Clip toClip(List<byte[]> frames, VideoSource source, String id) {
    int tolerance = tolerance(source);
    boolean grey = frames.stream().allMatch(f -> isGrey(f, tolerance));
    int plane = source.width() * source.height();
    int t = frames.size();
    float[] data = new float[(grey ? 1 : 3) * t * plane];
    for (int f = 0; f < t; f++) {
      byte[] bgr = frames.get(f);
      for (int p = 0; p < plane; p++) {
        int b = bgr[3 * p] & 0xFF;
        int g = bgr[3 * p + 1] & 0xFF;
        int r = bgr[3 * p + 2] & 0xFF;
        if (grey) {
          data[f * plane + p] = Quantisation.toUnit(Math.round((r + g + b) / 3f));
        } else {
          data[f * plane + p] = Quantisation.toUnit(r);
          data[(t + f) * plane + p] = Quantisation.toUnit(g);
          data[(2 * t + f) * plane + p] = Quantisation.toUnit(b);
        }
      }
    }
    return new Clip(
        data, grey ? 1 : 3, t, source.height(), source.width(), source.fps(), id);
  }

  private static boolean isGrey(byte[] bgr, int tolerance) {
    for (int i = 0; i < bgr.length; i += 3) {
      int b = bgr[i] & 0xFF;
      int g = bgr[i + 1] & 0xFF;
      int r = bgr[i + 2] & 0xFF;
      if (Math.max(b, Math.max(g, r)) - Math.min(b, Math.min(g, r)) > tolerance) {
        return false;
      }
    }
    return true;
  }
}
