package echobench.harness.study;

import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on one entry of a run cache, held while the entry is made so that processes
 * sharing the run folder (shards, {@link ShardPlan}) make it once: a file lock on the lock file
 * against other processes, and a lock per file against other threads of this process (file locks
 * are per process). The operating system drops a killed process's file locks, so a lock never
 * outlives its holder. The lock file itself stays behind, empty.
 */
final class CacheLock implements AutoCloseable {
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock inProcess;
  private final FileChannel channel;

  private CacheLock(ReentrantLock inProcess, FileChannel channel) {
    this.inProcess = inProcess;
    this.channel = channel;
  }

  /**
   * Waits for and takes the lock of {@code lockFile}.
   *
   * @throws InputException naming the file when it cannot be created or locked
   */
  static CacheLock take(Path lockFile) {
    Path file = lockFile.toAbsolutePath().normalize();
    ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    inProcess.lock();
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.lock(); // released when the channel closes
      return new CacheLock(inProcess, channel);
    } catch (IOException e) {
      closeQuietly(channel);
      inProcess.unlock();
      throw new InputException(file + ": cannot lock the run cache (" + e.getMessage() + ")",
          e);
    }
  }

  @Override
  public void close() {
    try {
      closeQuietly(channel);
    } finally {
      inProcess.unlock();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing releases the lock; a failure leaves nothing the next holder could misread.
    }
  }
}
