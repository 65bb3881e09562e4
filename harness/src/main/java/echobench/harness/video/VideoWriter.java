package echobench.harness.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FFV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;

import echobench.perturb.Clip;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes a {@link Clip} as a video file, quantised to 8 bits by {@link Quantisation}, atomically
 * (a temporary file in the same directory, moved into place when complete).
 *
 * <p>By suffix: {@code .avi} and {@code .mkv} are lossless {@link VideoCodec#FFV1} (grey as
 * {@code gray}, colour as {@code bgr0}); {@code .mp4} is lossy {@link VideoCodec#H264}. The FFmpeg
 * 7.1.1 build of JavaCV 1.5.12 (LGPL) has no libx264; H.264 comes from its libopenh264 encoder, and
 * the writer falls back to MPEG-4 Part 2 only in a build without either. {@link VideoCodec#MJPEG} in
 * {@code .avi} is the EchoNet-Dynamic style, on request.
 *
 * <p>Frame widths must be even: JavaCV's {@code FFmpegFrameRecorder} silently rescales an odd width
 * to the next even one, which would not be a faithful copy, so such a clip is refused.
 */
public final class VideoWriter {
  /** JPEG quantiser scale for MJPEG (2 = visually lossless, 31 = worst). */
  private static final int MJPEG_QSCALE = 2;
  /** H.264 bit budget per pixel per frame: plenty for 8-bit ultrasound at echo frame sizes. */
  private static final double H264_BITS_PER_PIXEL = 1.0;
  /** H.264 encoders in order of preference; MPEG-4 Part 2 when the build has none. */
  private static final List<String> H264_ENCODERS = List.of("libx264", "libopenh264");
  /** Bytes per pixel of {@code bgr0}: blue, green, red and one unused byte. */
  static final int BGR0_BYTES = 4;

  private VideoWriter() {}

  /**
   * Writes {@code clip} to {@code file}, the codec chosen by the suffix ({@code .avi}, {@code .mkv}:
   * FFV1; {@code .mp4}: H.264).
   *
   * @throws InputException for another suffix or an unwritable location
   */
  public static void write(Clip clip, Path file) {
    write(clip, file, codecFor(file));
  }

  /**
   * Writes {@code clip} to {@code file} with {@code codec}; the container is chosen by the suffix.
   *
   * @throws InputException if the container cannot hold the codec, the width is odd (or, for
   *     H.264, the height), or the file cannot be written
   */
  public static void write(Clip clip, Path file, VideoCodec codec) {
    String container = container(file);
    if (codec == VideoCodec.H264 && !container.equals("mp4")) {
      throw new InputException(file + ": H.264 is written as .mp4");
    }
    if (codec != VideoCodec.H264 && container.equals("mp4")) {
      throw new InputException(file + ": .mp4 holds H.264 only; use .avi or .mkv for " + codec);
    }
    if (clip.width() % 2 != 0) {
      throw new InputException(
          file + ": cannot write a video " + clip.width() + " pixels wide (JavaCV's recorder"
              + " rescales odd widths; write .png instead)");
    }
    if (codec == VideoCodec.H264 && clip.height() % 2 != 0) {
      throw new InputException(
          file + ": H.264 needs an even height, the clip is " + clip.height() + " pixels high");
    }
    AtomicFiles.writeOutput(file, temporary -> encode(clip, temporary, container, codec));
  }

  /** The codec {@link #write(Clip, Path)} uses for {@code file}'s suffix. */
  public static VideoCodec codecFor(Path file) {
    return container(file).equals("mp4") ? VideoCodec.H264 : VideoCodec.FFV1;
  }

  /** Whether {@code file}'s suffix is one this writer handles. */
  public static boolean isVideoFile(Path file) {
    String suffix = suffix(file);
    return suffix.equals("avi") || suffix.equals("mkv") || suffix.equals("mp4");
  }

  private static void encode(Clip clip, Path file, String container, VideoCodec codec)
      throws IOException {
    Ffmpeg.quietLog();
    boolean grey = clip.channels() == 1;
    try (FFmpegFrameRecorder recorder =
            new FFmpegFrameRecorder(file.toFile(), clip.width(), clip.height(), 0);
        Frame frame = new Frame(
            clip.width(), clip.height(), Frame.DEPTH_UBYTE, grey ? 1 : BGR0_BYTES)) {
      recorder.setFormat(container);
      recorder.setFrameRate(clip.fps());
      recorder.setImageScalingFlags(Ffmpeg.CONVERSION_FLAGS);
      configure(recorder, codec, grey, clip);
      recorder.start();
      for (int t = 0; t < clip.frames(); t++) {
        fill(frame, clip, t);
        recorder.record(frame, grey ? AV_PIX_FMT_GRAY8 : AV_PIX_FMT_BGR0);
      }
      recorder.stop();
    } catch (FrameRecorder.Exception e) {
      throw new IOException(Ffmpeg.describe(e), e);
    }
  }

  private static void configure(
      FFmpegFrameRecorder recorder, VideoCodec codec, boolean grey, Clip clip) {
    switch (codec) {
      case FFV1 -> {
        recorder.setVideoCodec(AV_CODEC_ID_FFV1);
        recorder.setPixelFormat(grey ? AV_PIX_FMT_GRAY8 : AV_PIX_FMT_BGR0);
      }
      case MJPEG -> {
        recorder.setVideoCodec(AV_CODEC_ID_MJPEG);
        recorder.setPixelFormat(grey ? AV_PIX_FMT_YUVJ420P : AV_PIX_FMT_YUVJ444P);
        recorder.setVideoOption("qscale", Integer.toString(MJPEG_QSCALE));
        recorder.setVideoOption("qmin", Integer.toString(MJPEG_QSCALE));
        recorder.setVideoOption("qmax", Integer.toString(MJPEG_QSCALE));
      }
      case H264 -> {
        String encoder = h264Encoder();
        if (encoder == null) {
          recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
        } else {
          recorder.setVideoCodec(AV_CODEC_ID_H264);
          recorder.setVideoCodecName(encoder);
        }
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setVideoBitrate(
            (int) Math.min(Integer.MAX_VALUE,
                H264_BITS_PER_PIXEL * clip.width() * clip.height() * clip.fps()));
      }
      default -> throw new IllegalStateException("unhandled codec " + codec);
    }
  }

  /** The first H.264 encoder this FFmpeg build has, or {@code null}. */
  private static String h264Encoder() {
    for (String name : H264_ENCODERS) {
      if (avcodec_find_encoder_by_name(name) != null) {
        return name;
      }
    }
    return null;
  }

  /**
   * Frame {@code t} of {@code clip} as 8-bit grey or as {@code bgr0} (the FFV1 storage format, so a
   * lossless write needs no pixel conversion), rows {@code imageStride} bytes apart.
   */
  static void fill(Frame frame, Clip clip, int t) {
    ByteBuffer buffer = (ByteBuffer) frame.image[0];
    int width = clip.width();
    int channels = clip.channels();
    byte[] row = new byte[width * (channels == 1 ? 1 : BGR0_BYTES)];
    float[] data = clip.data();
    for (int y = 0; y < clip.height(); y++) {
      for (int x = 0; x < width; x++) {
        if (channels == 1) {
          row[x] = (byte) Quantisation.toLevel(data[clip.index(0, t, y, x)]);
        } else {
          row[BGR0_BYTES * x] = (byte) Quantisation.toLevel(data[clip.index(2, t, y, x)]);
          row[BGR0_BYTES * x + 1] = (byte) Quantisation.toLevel(data[clip.index(1, t, y, x)]);
          row[BGR0_BYTES * x + 2] = (byte) Quantisation.toLevel(data[clip.index(0, t, y, x)]);
        }
      }
      buffer.put(y * frame.imageStride, row);
    }
  }

  private static String container(Path file) {
    return switch (suffix(file)) {
      case "avi" -> "avi";
      case "mkv" -> "matroska";
      case "mp4" -> "mp4";
      default -> throw new InputException(
          file + ": unknown video suffix (use .avi, .mkv or .mp4)");
    };
  }

  private static String suffix(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
