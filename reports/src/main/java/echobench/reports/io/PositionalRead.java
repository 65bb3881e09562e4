package echobench.reports.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a byte range of a file by position, without moving the channel's own position, so one
 * open channel serves reads at any offset (the feature store's rows, a safetensors file's
 * tensors).
 */
public final class PositionalRead {
  private PositionalRead() {}

  /**
   * Fills {@code into} from {@code channel} starting at byte {@code position}, looping over short
   * reads.
   *
   * @return whether {@code into} was filled; false when the file ends first (truncated), which the
   *     caller reports naming its file
   */
  public static boolean fill(FileChannel channel, ByteBuffer into, long position)
      throws IOException {
    long at = position;
    while (into.hasRemaining()) {
      int n = channel.read(into, at);
      if (n < 0) {
        return false;
      }
      at += n;
    }
    return true;
  }
}
