package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.EchoView;
import echobench.harness.data.Sample;
import echobench.perturb.Clip;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each scanner setting of an {@link Acquisition} changes the simulated pixels as its physics says,
 * and none changes the labels. One subject, one drawn recording; each check changes one setting
 * (a copy of the record with one field changed, the same seed) and compares the two clips.
 *
 * <p>Display: {@code grey = 1 + (dB + gain)/DR}, clipped to {@code [0,1]} per polar sample, then
 * interpolated bilinearly onto the pixels. A pixel none of whose four samples clips follows the
 * formula exactly; one next to a clipped sample follows it only in part, which is why the exact
 * checks hold for mid-grey pixels (the myocardium) and bounds hold for all.
 */
class AcquisitionPhysicsTest {
  private static final int SIZE = 64;
  private static final EchoSimulator SIMULATOR = new EchoSimulator(SIZE, 1, 50);
  private static final Subject SUBJECT =
      Cohort.ADULT.drawSubject("s", new SplittableRandom(7));
  private static final Acquisition BASE = Cohort.ADULT.drawAcquisition(SUBJECT, EchoView.A4C,
      new SplittableRandom(8), AcquisitionVariability.FIXED);
  /** Float arithmetic in the receive chain and the scan converter. */
  private static final double EXACT = 1e-5;
  /** Grey levels above this are taken to be clear of the black clip level. */
  private static final double LIT = 0.05;

  @Test
  void gainShiftsEveryUnclippedGreyLevelByGainOverDynamicRange() {
    double gain = 4;
    float[] before = grey(BASE);
    float[] after = grey(with(BASE, "gainDb", BASE.gainDb() + gain));
    double step = gain / BASE.dynamicRangeDb();

    for (int p = 0; p < before.length; p++) {
      // Clipping can only eat part of the rise, never add to it.
      assertThat((double) after[p] - before[p]).isBetween(-EXACT, step + EXACT);
    }
    assertThat(shareInMyocardium(p -> Math.abs(after[p] - before[p] - step) < EXACT))
        .isGreaterThan(0.95);
  }

  @Test
  void dynamicRangeScalesTheDistanceFromWhite() {
    double wider = BASE.dynamicRangeDb() + 15;
    float[] before = grey(BASE);
    float[] after = grey(with(BASE, "dynamicRangeDb", wider));
    double scale = BASE.dynamicRangeDb() / wider;

    for (int p : fan(BASE)) {
      double was = 1 - before[p];
      double now = 1 - after[p];
      // Unclipped samples: exactly DR1/DR2 of the distance; black-clipped ones: between that
      // and the whole distance.
      assertThat(now).isBetween(scale * was - EXACT, was + EXACT);
    }
    assertThat(shareInMyocardium(
        p -> Math.abs((1 - after[p]) - scale * (1 - before[p])) < EXACT)).isGreaterThan(0.95);
    // So the contrast between the myocardium and the white pericardium shrinks by DR1/DR2.
    assertThat(1 - meanInMyocardium(after))
        .isCloseTo(scale * (1 - meanInMyocardium(before)), within(0.01));
  }

  @Test
  void farFieldTgcErrorDarkensWithDepth() {
    double slope = 0.5;
    float[] before = grey(BASE);
    float[] after = grey(with(BASE, "tgcResidualDbPerCm", BASE.tgcResidualDbPerCm() + slope));
    double[] meanDrop = new double[3];
    int[] count = new int[3];
    List<List<Double>> relative = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    // Tissue echoes 10 dB above the electronic noise where it is loudest (at full depth): the
    // signal, not the noise, sets these pixels' grey.
    double aboveNoise = 1 + (BASE.noiseFloorDb() + BASE.gainDb() + 10) / BASE.dynamicRangeDb();
    for (int p : fan(BASE)) {
      double r = rangeCm(p, BASE);
      int third = third(r, BASE);
      double drop = before[p] - after[p];
      if (after[p] > Math.max(LIT, aboveNoise) && before[p] < 1 - LIT) {
        relative.get(third).add(drop / (slope * r / BASE.dynamicRangeDb()));
        meanDrop[third] += drop;
        count[third]++;
      }
    }
    for (int third = 0; third < 3; third++) {
      // Echoes clear of both clip levels and of the noise drop by Δslope·r/DR.
      assertThat(relative.get(third)).as("third " + third).hasSizeGreaterThan(20);
      assertThat(median(relative.get(third))).as("third " + third).isCloseTo(1, within(0.05));
      meanDrop[third] /= count[third];
    }
    // So the far field darkens more than the near field.
    assertThat(meanDrop[0]).isPositive();
    assertThat(meanDrop[2]).isGreaterThan(2 * meanDrop[0]);
  }

  @Test
  void nearFieldTgcChangesOnlyTheTopThird() {
    double change = -5;
    float[] before = grey(BASE);
    float[] after = grey(with(BASE, "tgcNearDb", BASE.tgcNearDb() + change));
    double pixel = BASE.depthCm() / SIZE;
    List<Double> relative = new ArrayList<>();
    for (int p : fan(BASE)) {
      double r = rangeCm(p, BASE);
      if (r > BASE.depthCm() / 3 + pixel) {
        assertThat(after[p]).isEqualTo(before[p]);
      }
      double expected = -change * Math.max(0, 1 - 3 * r / BASE.depthCm())
          / BASE.dynamicRangeDb();
      if (expected > 0.01 && after[p] > LIT && before[p] < 1 - LIT) {
        relative.add((before[p] - after[p]) / expected);
      }
    }
    // Signal and noise alike are scaled near the skin, so the unclipped pixels drop exactly.
    assertThat(relative).hasSizeGreaterThan(100);
    assertThat(median(relative)).isCloseTo(1, within(EXACT));
  }

  @Test
  void greaterDepthShrinksTheHeartByTheSquareOfTheDepthRatio() {
    for (double ratio : new double[] {1.2, 1.5}) {
      Acquisition deeper = with(BASE, "depthCm", BASE.depthCm() * ratio);
      double before = simulate(BASE).regions().area(CardiacRegion.LV_CAVITY, 0);
      double after = simulate(deeper).regions().area(CardiacRegion.LV_CAVITY, 0);
      // Within the rounding of the mask's boundary pixels.
      assertThat(after / before).isCloseTo(1 / (ratio * ratio), within(0.03 / (ratio * ratio)));
    }
  }

  @Test
  void theFansAngularExtentIsTheSectorWidth() {
    // Measured on a ring that lies inside the image for every angle below: the fan's edge there
    // is resolved to about one pixel's angle at the ring's inner radius.
    double inner = 0.4 * SIZE;
    double outer = 0.65 * SIZE;
    for (double degrees : new double[] {25, 30, 37.5, 45}) {
      double half = Math.toRadians(degrees);
      float[] grey = grey(with(BASE, "halfAngle", half));
      double widest = 0;
      for (int p = 0; p < grey.length; p++) {
        double radius = Math.hypot(column(p), row(p));
        if (grey[p] > 0 && radius >= inner && radius <= outer) {
          widest = Math.max(widest, Math.abs(Math.atan2(column(p), row(p))));
        }
      }
      assertThat(widest).as(degrees + "°").isLessThanOrEqualTo(half + EXACT)
          .isCloseTo(half, within(1 / inner));
    }
  }

  @Test
  void higherFrequencyGivesFinerSpeckle() {
    double previous = 1;
    // The adult and the pediatric transducers' bands.
    for (double mhz : new double[] {1.7, 3.2, 5, 7.5}) {
      double correlation = lateralCorrelation(grey(with(BASE, "frequencyMHz", mhz)));
      assertThat(correlation).as(mhz + " MHz").isLessThan(previous);
      previous = correlation;
    }
    assertThat(lateralCorrelation(grey(with(BASE, "frequencyMHz", 1.7))) - previous)
        .isGreaterThan(0.05);
  }

  @Test
  void noiseBrightensTheCavitysFarSideAndClutterItsNearSide() {
    float[] before = grey(BASE);
    double[] noise = cavityRise(before, grey(with(BASE, "noiseFloorDb", BASE.noiseFloorDb() + 20)));
    double[] clutter = cavityRise(before, grey(with(BASE, "clutterDb", BASE.clutterDb() + 20)));

    assertThat(noise[0]).isPositive();
    assertThat(noise[1]).isGreaterThan(2 * noise[0]);
    assertThat(clutter[1]).isNotNegative();
    assertThat(clutter[0]).isGreaterThan(2 * clutter[1]);
  }

  @Test
  void fixedAndVariedSettingsKeepTheLabels(@TempDir Path dir) {
    Map<String, Sample> fixed = written(dir.resolve("fixed"), AcquisitionVariability.FIXED);
    Map<String, Sample> varied = written(dir.resolve("varied"), AcquisitionVariability.VARIED);

    assertThat(varied.keySet()).isEqualTo(fixed.keySet());
    for (String id : fixed.keySet()) {
      Sample a = fixed.get(id);
      Sample b = varied.get(id);
      assertThat(b.ef()).isEqualTo(a.ef());
      assertThat(b.metadata().get("ESV")).isEqualTo(a.metadata().get("ESV"));
      assertThat(b.metadata().get("EDV")).isEqualTo(a.metadata().get("EDV"));
    }
    // Fixed: one setting for every video (the depth still fits each heart); varied: drawn.
    for (String column : AcquisitionColumns.NAMES) {
      long fixedValues = fixed.values().stream().map(s -> s.metadata().get(column)).distinct()
          .count();
      long variedValues = varied.values().stream().map(s -> s.metadata().get(column)).distinct()
          .count();
      if (column.equals("Depth")) {
        assertThat(fixedValues).isGreaterThan(1);
      } else {
        assertThat(fixedValues).as(column).isEqualTo(1);
      }
      assertThat(variedValues).as(column).isGreaterThan(1);
    }
  }

  @Test
  void theCavitysAreaRatioBetweenDiastoleAndSystoleDoesNotDependOnTheSettings() {
    for (long seed = 1; seed <= 3; seed++) {
      Subject subject = Cohort.ADULT.drawSubject("s" + seed, new SplittableRandom(seed));
      double fixed = areaRatio(subject, Cohort.ADULT.drawAcquisition(subject, EchoView.A4C,
          new SplittableRandom(seed + 10), AcquisitionVariability.FIXED));
      double varied = areaRatio(subject, Cohort.ADULT.drawAcquisition(subject, EchoView.A4C,
          new SplittableRandom(seed + 10), AcquisitionVariability.VARIED));
      // Within the rounding of the masks' boundary pixels.
      assertThat(varied).as("subject " + seed).isCloseTo(fixed, within(0.03 * fixed));
    }
  }

  /** Subjects written with {@code variability}, by file name. */
  private static Map<String, Sample> written(Path dir, AcquisitionVariability variability) {
    new CohortWriter(Cohort.ADULT, 4, 32, 2, 25, List.of(EchoView.A4C), 1, false, variability)
        .write(3, dir, () -> { });
    return EchoNetDynamicDataset.load(dir).samples().stream()
        .collect(Collectors.toMap(Sample::id, Function.identity()));
  }

  /**
   * The largest over the smallest LV cavity area of one heartbeat, from the exact masks on a
   * 96-pixel grid (the masks come from the anatomy, so the clip they are laid on is left blank).
   */
  private static double areaRatio(Subject subject, Acquisition acquisition) {
    int size = 96;
    double fps = 50;
    int frames = (int) Math.ceil(60 / subject.heartRateBpm() * fps) + 1;
    Clip blank = new Clip(new float[frames * size * size], 1, frames, size, size, fps, "mask");
    CardiacRegions regions = new SimulatedEcho(blank, subject, acquisition).regions();
    int largest = 0;
    int smallest = Integer.MAX_VALUE;
    for (int t = 0; t < frames; t++) {
      largest = Math.max(largest, regions.area(CardiacRegion.LV_CAVITY, t));
      smallest = Math.min(smallest, regions.area(CardiacRegion.LV_CAVITY, t));
    }
    return (double) largest / smallest;
  }

  /**
   * The mean grey rise of the LV cavity's pixels nearer the transducer than its median depth
   * (element 0) and farther (element 1).
   */
  private static double[] cavityRise(float[] before, float[] after) {
    CardiacRegions regions = simulate(BASE).regions();
    List<Integer> cavity = new ArrayList<>();
    List<Double> ranges = new ArrayList<>();
    for (int p = 0; p < before.length; p++) {
      if (regions.contains(CardiacRegion.LV_CAVITY, 0, p)) {
        cavity.add(p);
        ranges.add(rangeCm(p, BASE));
      }
    }
    double middle = median(ranges);
    double[] rise = new double[2];
    int[] count = new int[2];
    for (int p : cavity) {
      int side = rangeCm(p, BASE) < middle ? 0 : 1;
      rise[side] += after[p] - before[p];
      count[side]++;
    }
    return new double[] {rise[0] / count[0], rise[1] / count[1]};
  }

  /** Correlation of horizontally adjacent lit pixels in the deeper half of the image. */
  private static double lateralCorrelation(float[] grey) {
    List<Double> left = new ArrayList<>();
    List<Double> right = new ArrayList<>();
    for (int y = SIZE / 2; y < SIZE; y++) {
      for (int x = 0; x + 1 < SIZE; x++) {
        float a = grey[y * SIZE + x];
        float b = grey[y * SIZE + x + 1];
        if (a > 0 && b > 0) {
          left.add((double) a);
          right.add((double) b);
        }
      }
    }
    return LabelInPixelsTest.pearson(left.stream().mapToDouble(Double::doubleValue).toArray(),
        right.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The share of the myocardium's pixels (first frame) for which {@code test} holds. */
  private static double shareInMyocardium(java.util.function.IntPredicate test) {
    CardiacRegions regions = simulate(BASE).regions();
    int inside = 0;
    int holds = 0;
    for (int p = 0; p < SIZE * SIZE; p++) {
      if (regions.contains(CardiacRegion.LV_MYOCARDIUM, 0, p)) {
        inside++;
        holds += test.test(p) ? 1 : 0;
      }
    }
    assertThat(inside).isGreaterThan(100);
    return (double) holds / inside;
  }

  private static double meanInMyocardium(float[] grey) {
    CardiacRegions regions = simulate(BASE).regions();
    double sum = 0;
    int count = 0;
    for (int p = 0; p < grey.length; p++) {
      if (regions.contains(CardiacRegion.LV_MYOCARDIUM, 0, p)) {
        sum += grey[p];
        count++;
      }
    }
    return sum / count;
  }

  /** The pixels whose centres lie inside the fan of {@code acquisition}. */
  private static List<Integer> fan(Acquisition acquisition) {
    boolean[] inside =
        ScanConverter.fanPixels(acquisition.depthCm(), acquisition.halfAngle(), SIZE);
    List<Integer> fan = new ArrayList<>();
    for (int p = 0; p < inside.length; p++) {
      if (inside[p]) {
        fan.add(p);
      }
    }
    return fan;
  }

  /** Which third of the depth range {@code r} lies in: 0 near, 2 far. */
  private static int third(double r, Acquisition acquisition) {
    return Math.min(2, (int) (3 * r / acquisition.depthCm()));
  }

  /** Depth (distance from the transducer) of pixel {@code p}'s centre, cm. */
  private static double rangeCm(int p, Acquisition acquisition) {
    return Math.hypot(column(p), row(p)) * acquisition.depthCm() / SIZE;
  }

  /** Scan x of pixel {@code p}'s centre, in pixels from the transducer. */
  private static double column(int p) {
    return p % SIZE - (SIZE - 1) / 2.0;
  }

  /** Scan y of pixel {@code p}'s centre, in pixels below the transducer. */
  private static double row(int p) {
    return p / SIZE + 0.5;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static SimulatedEcho simulate(Acquisition acquisition) {
    return SIMULATOR.simulate(SUBJECT, acquisition);
  }

  private static float[] grey(Acquisition acquisition) {
    return simulate(acquisition).clip().data();
  }

  /** {@code acquisition} with its component {@code name} set to {@code value}. */
  private static Acquisition with(Acquisition acquisition, String name, double value) {
    RecordComponent[] parts = Acquisition.class.getRecordComponents();
    Object[] values = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    boolean found = false;
    try {
      for (int i = 0; i < parts.length; i++) {
        types[i] = parts[i].getType();
        boolean changed = parts[i].getName().equals(name);
        found |= changed;
        values[i] = changed ? value : parts[i].getAccessor().invoke(acquisition);
      }
      assertThat(found).as("Acquisition has a component " + name).isTrue();
      return Acquisition.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + acquisition, e);
    }
  }
}
