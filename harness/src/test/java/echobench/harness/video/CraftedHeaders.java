package echobench.harness.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * AVI files whose headers lie about the frame size: a small valid file, its size fields patched.
 * Shared by the video, study and hostile-input tests.
 */
public final class CraftedHeaders {
  private CraftedHeaders() {}

  /**
   * Writes a small lossless AVI to {@code file}, then sets the frame width and height that its main
   * header ({@code avih}) and its video format ({@code strf}, a BITMAPINFOHEADER) declare.
   */
  static Path aviDeclaring(Path file, int width, int height) throws IOException {
    VideoWriter.write(TestClips.noise(1, 4, 16, 16, 3), file);
    return declare(file, width, height);
  }

  /**
   * Writes a small motion-JPEG AVI to {@code file} and sets the frame size in its headers and in
   * every frame's JPEG start-of-frame segment, so the decoder itself produces frames of that size.
   */
  static Path mjpegDeclaring(Path file, int width, int height) throws IOException {
    VideoWriter.write(TestClips.gradient(4, 16, 16), file, VideoCodec.MJPEG);
    declare(file, width, height);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int frames = 0;
    for (int i = 0; i + 9 <= bytes.length; i++) {
      if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xC0) {
        buffer.putShort(i + 5, (short) height);
        buffer.putShort(i + 7, (short) width);
        frames++;
      }
    }
    if (frames == 0) {
      throw new IllegalStateException("no JPEG start-of-frame segment");
    }
    Files.write(file, bytes);
    return file;
  }

  /**
   * Sets the frame width and height that the AVI {@code file}'s main header ({@code avih}) and its
   * video format ({@code strf}, a BITMAPINFOHEADER) declare.
   */
  public static Path declare(Path file, int width, int height) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int avih = indexOf(bytes, "avih");
    buffer.putInt(avih + 8 + 32, width);
    buffer.putInt(avih + 8 + 36, height);
    int strf = indexOf(bytes, "strf");
    buffer.putInt(strf + 8 + 4, width);
    buffer.putInt(strf + 8 + 8, height);
    Files.write(file, bytes);
    return file;
  }

  private static int indexOf(byte[] bytes, String fourCc) {
    byte[] tag = fourCc.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + tag.length <= bytes.length; i++) {
      for (int j = 0; j < tag.length; j++) {
        if (bytes[i + j] != tag[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("no " + fourCc + " chunk");
  }
}
