package echobench.harness.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INP;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the readers and writers share about the FFmpeg libraries: their log is silenced (errors
 * reach the user through our own one-line messages) and pixel conversions use accurate rounding.
 */
final class Ffmpeg {
  /** Colour conversion flags: no resizing happens, only exact-as-possible pixel format changes. */
  static final int CONVERSION_FLAGS =
      SWS_BILINEAR | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT | SWS_FULL_CHR_H_INP;

  /** JavaCV's form of a failed call: {@code avformat_open_input() error -1094995529: ...}. */
  private static final Pattern FAILED_CALL = Pattern.compile("(\\w+)\\(\\) error (-?\\d+)");
  /** JavaCV's message for a container with no stream it can decode. */
  private static final String NO_STREAM = "Did not find a video or audio stream";
  private static final int ERROR_TEXT_BYTES = 256;

  private Ffmpeg() {}

  /** Silences FFmpeg's own log on stderr; cheap, called before every file is opened. */
  static void quietLog() {
    av_log_set_level(AV_LOG_QUIET);
  }

  /**
   * A short description of an FFmpeg failure: {@code "avformat_open_input: Invalid data found when
   * processing input"} rather than JavaCV's message with its error number and advice.
   */
  static String describe(Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith(NO_STREAM)) {
      return "no video stream";
    }
    Matcher call = FAILED_CALL.matcher(message);
    if (call.find()) {
      return call.group(1) + ": " + errorText(Integer.parseInt(call.group(2)));
    }
    int hint = message.indexOf(" (");
    return (hint > 0 ? message.substring(0, hint) : message).trim();
  }

  /** FFmpeg's text for a negative error code. */
  private static String errorText(int code) {
    byte[] buffer = new byte[ERROR_TEXT_BYTES];
    if (av_strerror(code, buffer, buffer.length) < 0) {
      return "error " + code;
    }
    int end = 0;
    while (end < buffer.length && buffer[end] != 0) {
      end++;
    }
    return new String(buffer, 0, end, StandardCharsets.UTF_8);
  }
}
