package echobench.models.pretrain;

/**
 * Unlabelled clips for pretraining, decoupled from where they come from (the harness adapts its
 * datasets and the synthetic echo cohorts to it). Clips are indexed {@code 0..size()−1}, all of the
 * same {@link #shape()}, values in {@code [0, 1]} laid out {@code C×T×H×W}.
 */
public interface ClipSource {
  /** The number of clips. */
  int size();

  /** The shape of every clip. */
  ClipShape shape();

  /** Writes clip {@code index} into {@code destination} (length {@code shape().length()}). */
  void fill(int index, float[] destination);

  /** A one-line description for provenance (dataset, cohort, count, seed). */
  String describe();
}
