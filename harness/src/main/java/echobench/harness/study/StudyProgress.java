package echobench.harness.study;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress of the long passes: a bar with rate and ETA on stderr when the run has a terminal, and
 * nothing otherwise (tests, CI logs, redirected output).
 */
final class StudyProgress {
  private final boolean visible;

  /** Progress drawn only when {@code visible}. */
  StudyProgress(boolean visible) {
    this.visible = visible;
  }

  /** A bar counting {@code total} videos of {@code task}. */
  Bar bar(String task, long total) {
    return new Bar(visible
        ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" videos", 1)
            .setMaxRenderedLength(100).setUpdateIntervalMillis(500)
            .startsFrom(0, Duration.ZERO).build()
        : null);
  }

  /** One pass's bar (a no-op when hidden). */
  static final class Bar implements AutoCloseable {
    private final ProgressBar bar;

    private Bar(ProgressBar bar) {
      this.bar = bar;
    }

    /** Counts {@code videos} more done. */
    void step(int videos) {
      if (bar != null) {
        bar.stepBy(videos);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
