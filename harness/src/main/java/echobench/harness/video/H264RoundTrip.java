package echobench.harness.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import echobench.perturb.Clip;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * One pass of a clip through H.264 and back, with the FFmpeg that JavaCV ships: the clip is
 * quantised to 8 bits, encoded as 4:2:0 ({@code yuv420p}) H.264 in an MP4 at a constant quantiser,
 * and decoded again into a clip of the input's shape (grey stays grey: the decoded channels are
 * averaged, as {@link VideoReader} does).
 *
 * <p>FFmpeg's encoders and decoders work on files here, so the pass writes one MP4 into a fresh
 * temporary folder and removes the folder afterwards, on success and on every failure. Encoding
 * and decoding are single-threaded, so the same clip and quantiser give bit-identical output.
 * A width or height that 4:2:0 cannot hold (an odd one) is padded by repeating the last column or
 * row, and the padding is cut off again after decoding.
 *
 * <p>JavaCV 1.5.12's FFmpeg has no libx264; its H.264 encoder is Cisco's OpenH264, driven here with
 * rate control off and {@code qmin = qmax} = the quantiser, so every frame is coded at that QP.
 */
public final class H264RoundTrip {
  /** The encoder of JavaCV's FFmpeg build; the options below are OpenH264's. */
  private static final String ENCODER = "libopenh264";
  /** The lowest and highest H.264 quantiser. */
  private static final int MIN_QP = 1;
  private static final int MAX_QP = 51;
  /** The smallest frame side OpenH264 encodes (one macroblock). */
  private static final int MIN_SIDE = 16;

  /**
   * The bit rate the encoder's rate control aims at, in bits per second: far above what any echo
   * clip needs, so the rate control never raises the quantiser above {@code qmin = qmax}.
   */
  private static final int UNCONSTRAINED_BITRATE = 100_000_000;

  private final Path temporaryRoot;

  /**
   * @param temporaryRoot the folder the temporary MP4 folder is created in (normally the system's
   *     temporary folder)
   */
  public H264RoundTrip(Path temporaryRoot) {
    this.temporaryRoot = temporaryRoot;
  }

  /** A round trip through the system's temporary folder. */
  public static H264RoundTrip inSystemTemporaryFolder() {
    return new H264RoundTrip(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * {@code clip} after H.264 at quantiser {@code qp}: same channels, frames, size and fps, values
   * multiples of 1/255.
   *
   * @throws InputException naming the clip if FFmpeg cannot encode or decode it
   * @throws InputException naming the folder if the temporary folder cannot be created or
   *     removed (disk full, permissions)
   */
  public Clip apply(Clip clip, int qp) {
    if (qp < MIN_QP || qp > MAX_QP) {
      throw new IllegalArgumentException("H.264 quantiser " + qp + " is outside 1..51");
    }
    Path folder;
    try {
      folder = Files.createTempDirectory(temporaryRoot, "echobench-h264-");
    } catch (IOException e) {
      throw new InputException(temporaryRoot + ": cannot create a temporary folder for the"
          + " H.264 pass (" + e.getMessage() + ")", e);
    }
    try {
      Path file = folder.resolve("clip.mp4");
      Clip even = padToEven(clip);
      encode(even, file, qp);
      return decode(file, even, clip);
    } finally {
      deleteTree(folder);
    }
  }

  private static void encode(Clip clip, Path file, int qp) {
    if (avcodec_find_encoder_by_name(ENCODER) == null) {
      throw failure(clip, "this FFmpeg build has no " + ENCODER + " encoder");
    }
    Ffmpeg.quietLog();
    boolean grey = clip.channels() == 1;
    try (FFmpegFrameRecorder recorder =
            new FFmpegFrameRecorder(file.toFile(), clip.width(), clip.height(), 0);
        Frame frame = new Frame(clip.width(), clip.height(), Frame.DEPTH_UBYTE,
            grey ? 1 : VideoWriter.BGR0_BYTES)) {
      recorder.setFormat("mp4");
      recorder.setFrameRate(clip.fps());
      recorder.setImageScalingFlags(Ffmpeg.CONVERSION_FLAGS);
      recorder.setVideoCodec(AV_CODEC_ID_H264);
      recorder.setVideoCodecName(ENCODER);
      recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
      recorder.setVideoBitrate(UNCONSTRAINED_BITRATE);
      recorder.setVideoOption("rc_mode", "quality");
      recorder.setVideoOption("qmin", Integer.toString(qp));
      recorder.setVideoOption("qmax", Integer.toString(qp));
      recorder.setVideoOption("threads", "1");
      recorder.start();
      for (int t = 0; t < clip.frames(); t++) {
        VideoWriter.fill(frame, clip, t);
        recorder.record(frame, grey ? AV_PIX_FMT_GRAY8 : AV_PIX_FMT_BGR0);
      }
      recorder.stop();
    } catch (FrameRecorder.Exception e) {
      String hint = clip.width() < MIN_SIDE || clip.height() < MIN_SIDE
          ? "; OpenH264 needs frames of at least " + MIN_SIDE + "×" + MIN_SIDE + " pixels" : "";
      throw failure(clip, "H.264 encoding failed (" + Ffmpeg.describe(e) + hint + ")");
    }
  }

  /** Decodes {@code file} (written from {@code encoded}) into a clip shaped like {@code original}. */
  private static Clip decode(Path file, Clip encoded, Clip original) {
    List<byte[]> frames = new ArrayList<>(encoded.frames());
    try (VideoSource source = VideoSource.open(file)) {
      for (byte[] frame = source.nextFrame(); frame != null; frame = source.nextFrame()) {
        frames.add(frame);
      }
    } catch (RuntimeException e) {
      throw failure(original, "decoding its H.264 copy failed (" + e.getMessage() + ")");
    }
    if (frames.size() != original.frames()) {
      throw failure(original, "its H.264 copy decodes to " + frames.size() + " of "
          + original.frames() + " frames");
    }
    int h = original.height();
    int w = original.width();
    int stride = encoded.width();
    int channels = original.channels();
    int t = original.frames();
    float[] data = new float[original.data().length];
    for (int f = 0; f < t; f++) {
      byte[] bgr = frames.get(f);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int at = 3 * (y * stride + x);
          int b = bgr[at] & 0xFF;
          int g = bgr[at + 1] & 0xFF;
          int r = bgr[at + 2] & 0xFF;
          if (channels == 1) {
            data[original.index(0, f, y, x)] = Quantisation.toUnit(Math.round((r + g + b) / 3f));
          } else {
            data[original.index(0, f, y, x)] = Quantisation.toUnit(r);
            data[original.index(1, f, y, x)] = Quantisation.toUnit(g);
            data[original.index(2, f, y, x)] = Quantisation.toUnit(b);
          }
        }
      }
    }
    return original.withData(data);
  }

  /** {@code clip} with its last column and row repeated where the width or height is odd. */
  private static Clip padToEven(Clip clip) {
    int h = clip.height();
    int w = clip.width();
    if (h % 2 == 0 && w % 2 == 0) {
      return clip;
    }
    int h2 = h + h % 2;
    int w2 = w + w % 2;
    int c = clip.channels();
    int t = clip.frames();
    float[] data = new float[c * t * h2 * w2];
    float[] in = clip.data();
    int i = 0;
    for (int ch = 0; ch < c; ch++) {
      for (int f = 0; f < t; f++) {
        for (int y = 0; y < h2; y++) {
          for (int x = 0; x < w2; x++) {
            data[i++] = in[clip.index(ch, f, Math.min(y, h - 1), Math.min(x, w - 1))];
          }
        }
      }
    }
    return new Clip(data, c, t, h2, w2, clip.fps(), clip.sourceId());
  }

  private static InputException failure(Clip clip, String why) {
    return new InputException("codec-h264: clip " + clip.sourceId() + ": " + why);
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new InputException(folder + ": cannot remove the H.264 pass's temporary folder ("
          + e.getMessage() + ")", e);
    }
  }
}
