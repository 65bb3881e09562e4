package echobench.harness.study;

import echobench.models.probe.ProbeProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress of the long steps (feature passes in videos, probe training in epochs with the current
 * validation score): a bar with rate and ETA on stderr when the run has a terminal, and nothing
 * otherwise (tests, CI logs, redirected output). Progress never changes what a run computes.
 */
final class StudyProgress {
  private static final int WIDTH = 100;

  private final boolean visible;
  private final PrintStream target;

  /** Progress drawn on the terminal only when {@code visible}. */
  StudyProgress(boolean visible) {
    this.visible = visible;
    this.target = null;
  }

  /** Progress drawn line by line on {@code target} (no terminal redrawing in place). */
  StudyProgress(PrintStream target) {
    this.visible = true;
    this.target = target;
  }

  /** A bar counting {@code total} videos of {@code task}. */
  Bar bar(String task, long total) {
    return new Bar(visible ? build(task, total, " videos") : null);
  }

  /**
   * A bar counting the {@code epochs} of one probe's training ({@code model} is
   * {@code encoder/probe}), with the latest best validation score.
   */
  Bar epochs(String model, int epochs) {
    return new Bar(visible ? build("train " + model, epochs, " epochs") : null);
  }

  /** What a probe's training tells {@code bar}: nothing at all when progress is hidden. */
  ProbeProgress listener(Bar bar) {
    if (!visible) {
      return ProbeProgress.NONE;
    }
    return (epoch, epochs, metric, best) -> {
      if (!Double.isNaN(best)) {
        bar.bar.setExtraMessage(String.format(Locale.ROOT, " val %s %.3f (ep %d)",
            metric.name().toLowerCase(Locale.ROOT), best, epoch));
      }
      bar.bar.stepTo(epoch);
    };
  }

  private ProgressBar build(String task, long total, String unit) {
    ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setUnit(unit, 1).setMaxRenderedLength(WIDTH).setUpdateIntervalMillis(500)
        .startsFrom(0, Duration.ZERO);
    if (target != null) {
      builder.setConsumer(new ConsoleProgressBarConsumer(target, WIDTH));
    }
    return builder.build();
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
