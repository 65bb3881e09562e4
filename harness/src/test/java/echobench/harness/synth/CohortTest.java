package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.data.EchoView;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Adult and pediatric cohorts differ where they should, and stay in their documented ranges. */
class CohortTest {
  private static final int SUBJECTS = 400;

  private static Subject[] draw(Cohort cohort) {
    SplittableRandom random = new SplittableRandom(42);
    Subject[] subjects = new Subject[SUBJECTS];
    for (int i = 0; i < SUBJECTS; i++) {
      subjects[i] = cohort.drawSubject("s" + i, random);
    }
    return subjects;
  }

  private static double[] values(Subject[] subjects, ToDoubleFunction<Subject> f) {
    return Arrays.stream(subjects).mapToDouble(f).sorted().toArray();
  }

  private static double quantile(double[] sorted, double q) {
    return sorted[(int) Math.round(q * (sorted.length - 1))];
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }

  @Test
  void childrenHaveFasterHeartsThanAdults() {
    double[] adult = values(draw(Cohort.ADULT), Subject::heartRateBpm);
    double[] child = values(draw(Cohort.PEDIATRIC), Subject::heartRateBpm);
    assertThat(adult[0]).isGreaterThanOrEqualTo(50);
    assertThat(adult[SUBJECTS - 1]).isLessThanOrEqualTo(110);
    assertThat(child[0]).isGreaterThanOrEqualTo(80);
    assertThat(child[SUBJECTS - 1]).isLessThanOrEqualTo(160);
    assertThat(mean(child)).isGreaterThan(mean(adult) + 20);
    assertThat(quantile(child, 0.25)).isGreaterThan(quantile(adult, 0.5));
  }

  @Test
  void ejectionFractionsFollowEachPopulation() {
    double[] adult = values(draw(Cohort.ADULT), Subject::ejectionFraction);
    double[] child = values(draw(Cohort.PEDIATRIC), Subject::ejectionFraction);
    assertThat(adult[0]).isGreaterThanOrEqualTo(15 - 1e-6);
    assertThat(adult[SUBJECTS - 1]).isLessThanOrEqualTo(80 + 1e-6);
    // Adults: a realistic share of reduced EF; children: mostly 50–75 with a tail.
    assertThat(fractionBelow(adult, 50)).isBetween(0.15, 0.40);
    assertThat(fractionBelow(child, 50)).isBetween(0.04, 0.20);
    assertThat(fractionBelow(child, 50)).isLessThan(fractionBelow(adult, 50));
    assertThat(quantile(child, 0.5)).isBetween(58.0, 68.0);
    assertThat(quantile(child, 0.25)).isGreaterThan(quantile(adult, 0.25));
  }

  @Test
  void childrenHaveSmallerSlightlyRounderVentriclesAndShallowerScans() {
    Subject[] adults = draw(Cohort.ADULT);
    Subject[] children = draw(Cohort.PEDIATRIC);
    double[] adultVolume = values(adults, s -> s.leftVentricle().endDiastolicVolume());
    double[] childVolume = values(children, s -> s.leftVentricle().endDiastolicVolume());
    assertThat(quantile(childVolume, 0.5)).isLessThan(0.8 * quantile(adultVolume, 0.5));
    assertThat(quantile(childVolume, 0.1)).isLessThan(0.4 * quantile(adultVolume, 0.1));
    ToDoubleFunction<Subject> aspect =
        s -> s.leftVentricle().lengthCm() / s.leftVentricle().diameterCm();
    double[] adultAspect = values(adults, aspect);
    double[] childAspect = values(children, aspect);
    // A little rounder than adults', but a healthy child's ventricle must not look like a failing
    // adult's (dilated, round): that cue made adult-trained probes read every child as failing.
    assertThat(mean(childAspect)).isLessThan(mean(adultAspect));
    double healthyChild = Arrays.stream(children).filter(s -> s.ejectionFraction() >= 50)
        .mapToDouble(aspect).average().orElseThrow();
    double failingAdult = Arrays.stream(adults).filter(s -> s.ejectionFraction() < 35)
        .mapToDouble(aspect).average().orElseThrow();
    assertThat(healthyChild).isGreaterThan(failingAdult + 0.1);
    SplittableRandom random = new SplittableRandom(7);
    double adultDepth = 0;
    double childDepth = 0;
    for (int i = 0; i < 40; i++) {
      adultDepth += Cohort.ADULT.drawAcquisition(adults[i], EchoView.A4C, random).depthCm();
      childDepth += Cohort.PEDIATRIC.drawAcquisition(children[i], EchoView.A4C, random).depthCm();
    }
    assertThat(childDepth).isLessThan(0.85 * adultDepth);
  }

  @Test
  void acquisitionsStayInTheirRanges() {
    SplittableRandom random = new SplittableRandom(11);
    for (Cohort cohort : Cohort.all()) {
      for (EchoView view : EchoView.values()) {
        Subject subject = cohort.drawSubject("s", random);
        Acquisition acquisition = cohort.drawAcquisition(subject, view, random);
        assertThat(Math.toDegrees(2 * acquisition.halfAngle())).isBetween(60.0, 90.0);
        assertThat(acquisition.depthCm()).isBetween(4.0, 26.0);
        assertThat(acquisition.chestWallCm()).isLessThan(acquisition.depthCm() / 2);
      }
    }
  }

  @Test
  void namesParse() {
    assertThat(Cohort.named("Adult")).contains(Cohort.ADULT);
    assertThat(Cohort.named("pediatric")).contains(Cohort.PEDIATRIC);
    assertThat(Cohort.named("neonatal")).isEmpty();
  }

  private static double fractionBelow(double[] values, double limit) {
    return Arrays.stream(values).filter(v -> v < limit).count() / (double) values.length;
  }
}
