package echobench.harness.study;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A float32 array written as a NumPy {@code .npy} file (format version 1.0): the magic string, the
 * header dictionary {@code {'descr': '<f4', 'fortran_order': False, 'shape': (…), }} padded with
 * spaces to a multiple of 64 bytes and ended by a newline, then the values little-endian in C
 * order. Values are streamed, so an array larger than memory can be written; closing checks that
 * exactly the shape's count was written.
 */
final class NpyStream implements Closeable {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  /** NumPy aligns the data to this many bytes. */
  private static final int ALIGNMENT = 64;
  /** Version 1.0 stores the header length in two bytes. */
  private static final int MAX_HEADER = 0xFFFF;

  private final OutputStream out;
  private final long expected;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private long written;

  /** Opens {@code file} for an array of {@code shape} and writes the header. */
  NpyStream(Path file, long[] shape) throws IOException {
    this.expected = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    out.write(header(shape));
  }

  /** The magic string, version and header of a float32 C-order array of {@code shape}. */
  static byte[] header(long[] shape) {
    String dims = Arrays.stream(shape).mapToObj(Long::toString)
        .collect(Collectors.joining(", "));
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': ("
        + dims + (shape.length == 1 ? "," : "") + "), }";
    int unpadded = MAGIC.length + 2 + dict.length() + 1;
    int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
    int headerLength = dict.length() + padding + 1;
    if (headerLength > MAX_HEADER) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too long");
    }
    ByteBuffer bytes = ByteBuffer.allocate(MAGIC.length + 2 + headerLength)
        .order(ByteOrder.LITTLE_ENDIAN);
    bytes.put(MAGIC).putShort((short) headerLength)
        .put((dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII));
    return bytes.array();
  }

  /** Appends {@code values} in C order. */
  void write(float[] values) throws IOException {
    if (written + values.length > expected) {
      throw new IllegalStateException("more values than the shape holds");
    }
    for (float v : values) {
      if (!buffer.hasRemaining()) {
        flushBuffer();
      }
      buffer.putFloat(v);
    }
    written += values.length;
  }

  /** Flushes and closes the file, checking every value of the shape was written. */
  @Override
  public void close() throws IOException {
    try (out) {
      flushBuffer();
      if (written != expected) {
        throw new IllegalStateException(written + " values written, the shape holds " + expected);
      }
    }
  }

  private void flushBuffer() throws IOException {
    out.write(buffer.array(), 0, buffer.position());
    buffer.clear();
  }
}
