package echobench.models.pretrain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the pretraining clips come from, as written in the config; the harness turns it into a
 * {@link ClipSource}.
 *
 * @param source a synthetic cohort ({@code synthetic-adult}, {@code synthetic-pediatric}) or the path
 *     of a dataset root, as the harness understands it
 * @param clips how many clips to use (0 = all the source has)
 * @param seed seed of a synthetic cohort
 * @param acquisition a synthetic cohort's scanner settings, {@code varied} or {@code fixed}, as
 *     the harness understands them (optional, absent = varied; left out of the config's hash when
 *     absent, so configs written before the key existed keep their hash)
 */
public record PretrainData(
    @JsonProperty("source") String source,
    @JsonProperty("clips") int clips,
    @JsonProperty("seed") long seed,
    @JsonProperty("acquisition") @JsonInclude(JsonInclude.Include.NON_NULL) String acquisition) {
  /** Validates the description. */
  public PretrainData {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("data.source is required");
    }
    if (clips < 0) {
      throw new IllegalArgumentException("data.clips must be >= 0");
    }
  }
}
