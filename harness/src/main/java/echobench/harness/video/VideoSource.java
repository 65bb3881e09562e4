package echobench.harness.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * One open video file decoding frame by frame into packed 8-bit BGR, the form every source format
 * (grey, YUV, RGB) converts to without loss of its 8-bit content. Decoding is single-threaded: callers
 * parallelise over videos, not within one.
 */
final class VideoSource implements AutoCloseable {
  private final Path file;
  private final FFmpegFrameGrabber grabber;
  private final int width;
  private final int height;
  private final double fps;

  private VideoSource(Path file, FFmpegFrameGrabber grabber) {
    this.file = file;
    this.grabber = grabber;
    this.width = grabber.getImageWidth();
    this.height = grabber.getImageHeight();
    this.fps = grabber.getFrameRate();
  }

  /**
   * Opens {@code file} and its first video stream.
   *
   * @throws InputException naming the file if it is missing, empty or not a video
   */
  static VideoSource open(Path file) {
    requireNonEmptyFile(file);
    Ffmpeg.quietLog();
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
    grabber.setImageMode(FrameGrabber.ImageMode.COLOR);
    grabber.setPixelFormat(AV_PIX_FMT_BGR24);
    grabber.setImageScalingFlags(Ffmpeg.CONVERSION_FLAGS);
    grabber.setVideoOption("threads", "1");
    try {
      grabber.start();
    } catch (FrameGrabber.Exception e) {
      closeQuietly(grabber);
      throw unreadable(file, Ffmpeg.describe(e), e);
    }
    VideoSource source = new VideoSource(file, grabber);
    if (!grabber.hasVideo()) {
      source.close();
      throw unreadable(file, "no video stream", null);
    }
    if (source.width < 1 || source.height < 1 || !(source.fps > 0) || Double.isInfinite(source.fps)) {
      source.close();
      throw unreadable(
          file, "no frame size or rate: " + source.width + "×" + source.height + " @ " + source.fps,
          null);
    }
    if (source.width > VideoReader.MAX_SIDE || source.height > VideoReader.MAX_SIDE) {
      source.close();
      throw unreadable(
          file, "frame size " + source.width + "×" + source.height + " exceeds the limit of "
              + VideoReader.MAX_SIDE + "×" + VideoReader.MAX_SIDE, null);
    }
    return source;
  }

  /** The error for a file that FFmpeg cannot make sense of. */
  static InputException unreadable(Path file, String why, Throwable cause) {
    return new InputException(file + ": not a readable video (" + why + ")", cause);
  }

  Path file() {
    return file;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  double fps() {
    return fps;
  }

  /**
   * Whether the stream stores RGB samples (so equal channels mean the source itself is grey) rather
   * than luma and chroma (where a lossy codec may leave a grey source's channels a level apart).
   */
  boolean storesRgb() {
    AVPixFmtDescriptor descriptor = av_pix_fmt_desc_get(stream().codecpar().format());
    return descriptor != null && (descriptor.flags() & AV_PIX_FMT_FLAG_RGB) != 0;
  }

  /**
   * The frame count the container declares, or failing that one estimated from its duration
   * ({@link FrameCount#exact()} tells which); {@code null} if it states neither.
   */
  FrameCount declaredFrames() {
    long counted = stream().nb_frames();
    if (counted > 0) {
      return new FrameCount(counted, true);
    }
    if (grabber.getFormatContext().duration() != AV_NOPTS_VALUE
        && grabber.getFormatContext().duration() > 0) {
      return new FrameCount(grabber.getLengthInVideoFrames(), false);
    }
    return null;
  }

  /**
   * Decodes the next frame into a new packed BGR array of {@code H·W·3} bytes.
   *
   * @return the frame, or {@code null} at the end of the stream
   * @throws InputException naming the file if the data cannot be decoded
   */
  byte[] nextFrame() {
    Frame frame;
    try {
      frame = grabber.grabImage();
    } catch (FrameGrabber.Exception e) {
      throw unreadable(file, Ffmpeg.describe(e), e);
    }
    if (frame == null) {
      return null;
    }
    if (frame.imageWidth != width || frame.imageHeight != height) {
      throw unreadable(
          file, "frame size changed to " + frame.imageWidth + "×" + frame.imageHeight, null);
    }
    return copyPacked((ByteBuffer) frame.image[0], frame.imageStride);
  }

  /** Skips the next frame without converting it; {@code false} at the end of the stream. */
  boolean skipFrame() {
    try {
      return grabber.grabFrame(false, true, false, false, false) != null;
    } catch (FrameGrabber.Exception e) {
      throw unreadable(file, Ffmpeg.describe(e), e);
    }
  }

  @Override
  public void close() {
    closeQuietly(grabber);
  }

  /** A frame count and whether the container states it or it was estimated. */
  record FrameCount(long frames, boolean exact) {}

  /**
   * Copies BGR rows {@code stride} bytes apart into a packed array (JavaCV reuses its frame buffer
   * and pads rows, so {@code Frame.imageChannels} is not to be trusted here).
   */
  private byte[] copyPacked(ByteBuffer buffer, int stride) {
    int rowBytes = width * 3;
    byte[] packed = new byte[rowBytes * height];
    for (int y = 0; y < height; y++) {
      buffer.get(y * stride, packed, y * rowBytes, rowBytes);
    }
    return packed;
  }

  private AVStream stream() {
    return grabber.getFormatContext().streams(grabber.getVideoStream());
  }

  private static void requireNonEmptyFile(Path file) {
    if (!Files.exists(file)) {
      throw new InputException(file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": not a regular file");
    }
    try {
      if (Files.size(file) == 0) {
        throw unreadable(file, "empty file", null);
      }
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static void closeQuietly(FFmpegFrameGrabber grabber) {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception e) {
      // Releasing native resources of a grabber we are done with; nothing left to report.
    }
  }
}
