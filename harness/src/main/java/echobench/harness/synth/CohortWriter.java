package echobench.harness.synth;

import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.EchoNetPediatricDataset;
import echobench.harness.data.EchoView;
import echobench.harness.data.Split;
import echobench.harness.video.VideoWriter;
import echobench.perturb.Seeds;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.CsvLine;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a simulated cohort in the layout of the public dataset it mirrors, so that it loads
 * through the same loaders as the real data.
 *
 * <p><b>Adult</b> → EchoNet-Dynamic: {@code FileList.csv} with every column of the public file
 * ({@code FileName, EF, ESV, EDV, FrameHeight, FrameWidth, FPS, NumberOfFrames, Split}) followed by
 * two extra columns, {@code View} and {@code HeartRate} (bpm), then the scanner settings of the
 * video ({@link AcquisitionColumns}); {@code FileName} is {@code 0X} and
 * 16 hex digits with no extension, the video {@code Videos/<FileName>.avi}. Splits TRAIN/VAL/TEST
 * are 75/12.5/12.5 % of a seeded shuffle.
 *
 * <p><b>Pediatric</b> → EchoNet-Pediatric: {@code A4C/} and {@code PSAX/}, each with
 * {@code FileList.csv} ({@code FileName, EF, Sex, Age, Weight, Height, Split}, then the extra columns
 * {@code ESV, EDV, HeartRate} and the {@link AcquisitionColumns}) and {@code Videos/}; one video per patient in each view, named
 * {@code <patient>-<accession>-<instance>.avi} as in the public release, and Split a fold 0..9
 * drawn per patient, so a patient's two views share their fold and their EF.
 *
 * <p><b>Adult biplane</b> → EchoNet-Dynamic grouped by patient: every subject is recorded in both
 * apical views ({@link #BIPLANE_VIEWS}, the same heart and cardiac cycle seen in two orthogonal
 * planes, its two-chamber plane drawn by {@link Cohort#withTwoChamberPlane}); {@code FileList.csv}
 * has one row per video, the public columns, {@code View}, {@code HeartRate}, then {@code Patient}
 * ({@code PT} and five digits, shared by a subject's two rows) and {@code EFSinglePlane} (the
 * single-plane method-of-discs EF of that row's view), then the {@link AcquisitionColumns}.
 * {@code EF}, {@code ESV} and {@code EDV} are
 * the patient's biplane values (Simpson's biplane method of discs), the same on both rows, and so
 * is {@code Split}. A subject's four-chamber video is the one a single-view A4C cohort of the same
 * seed writes for it, under the same file name.
 *
 * <p>Scanner settings vary from video to video or are held at their nominal values, as the
 * writer's {@link AcquisitionVariability} says; the subjects, labels, poses and speckle are the
 * same either way.
 *
 * <p>Videos are lossless FFV1 in AVI. Every subject draws from its own seed, derived from the
 * cohort seed and its index, so the output does not depend on the number of threads. Each file is
 * written under a temporary name and moved into place; any earlier {@code FileList.csv} is removed
 * first and the new one written last, so an interrupted run never leaves a file list that looks
 * complete.
 */
public final class CohortWriter {
  /** The views of a biplane cohort, in the order of a multi-view sample's videos. */
  public static final List<EchoView> BIPLANE_VIEWS = List.of(EchoView.A4C, EchoView.A2C);
  /** The biplane file list's column holding the row's single-plane ejection fraction. */
  public static final String SINGLE_PLANE_EF_COLUMN = "EFSinglePlane";
  private static final double TRAIN_SHARE = 0.75;
  private static final double VAL_SHARE = 0.125;

  private final Cohort cohort;
  private final long seed;
  private final EchoSimulator simulator;
  private final int size;
  private final int frames;
  private final double fps;
  private final List<EchoView> adultViews;
  private final int threads;
  private final boolean biplane;
  private final AcquisitionVariability variability;

  /**
   * @param cohort the population
   * @param seed the cohort seed
   * @param size image width and height, pixels
   * @param frames frames per video
   * @param fps frames per second
   * @param adultViews views of the adult cohort, assigned to subjects in turn (pediatric cohorts
   *     always have A4C and PSAX)
   * @param threads subjects simulated at once
   */
  public CohortWriter(
      Cohort cohort, long seed, int size, int frames, double fps, List<EchoView> adultViews,
      int threads) {
    this(cohort, seed, size, frames, fps, adultViews, threads, false);
  }

  /**
   * A writer as above, scanner settings varied; with {@code biplane} an adult cohort whose every
   * subject is recorded in both {@link #BIPLANE_VIEWS} ({@code adultViews} must be exactly those).
   */
  public CohortWriter(
      Cohort cohort, long seed, int size, int frames, double fps, List<EchoView> adultViews,
      int threads, boolean biplane) {
    this(cohort, seed, size, frames, fps, adultViews, threads, biplane,
        AcquisitionVariability.VARIED);
  }

  /** A writer as above whose scanner settings vary from video to video or are held fixed. */
  public CohortWriter(
      Cohort cohort, long seed, int size, int frames, double fps, List<EchoView> adultViews,
      int threads, boolean biplane, AcquisitionVariability variability) {
    if (adultViews.isEmpty() || threads < 1) {
      throw new IllegalArgumentException("need at least one view and one thread");
    }
    if (biplane && (cohort != Cohort.ADULT || !adultViews.equals(BIPLANE_VIEWS))) {
      throw new IllegalArgumentException(
          "a biplane cohort is adult with views " + BIPLANE_VIEWS + ", not " + cohort + " "
              + adultViews);
    }
    this.biplane = biplane;
    this.variability = variability;
    this.cohort = cohort;
    this.seed = seed;
    this.simulator = new EchoSimulator(size, frames, fps);
    this.size = size;
    this.frames = frames;
    this.fps = fps;
    this.adultViews = List.copyOf(adultViews);
    this.threads = threads;
  }

  /**
   * Simulates {@code count} subjects and writes them under {@code out}; {@code onVideo} runs after
   * each video is written (from a worker thread).
   *
   * @throws InputException if a file cannot be written
   */
  public void write(int count, Path out, Runnable onVideo) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, not " + count);
    }
    if (biplane) {
      writeBiplane(count, out, onVideo);
    } else if (cohort == Cohort.ADULT) {
      writeDynamic(count, out, onVideo);
    } else {
      writePediatric(count, out, onVideo);
    }
  }

  /** The number of videos {@link #write} produces for {@code count} subjects. */
  public int videos(int count) {
    if (biplane) {
      return count * BIPLANE_VIEWS.size();
    }
    return cohort == Cohort.ADULT ? count : count * EchoNetPediatricDataset.VIEWS.size();
  }

  private void writeDynamic(int count, Path out, Runnable onVideo) {
    Path fileList = out.resolve(EchoNetDynamicDataset.FILE_LIST);
    Path videos = prepare(out.resolve(EchoNetDynamicDataset.VIDEOS), fileList);
    Split[] splits = splits(count);
    List<List<Row>> rows = runAll(count, i -> {
      String name = adultFileName(Integer.toString(i));
      EchoView view = adultViews.get(i % adultViews.size());
      Subject subject = cohort.drawSubject(name, random("subject", i));
      SimulatedEcho echo = record(subject, view, i);
      VideoWriter.write(echo.clip(), videos.resolve(name + ".avi"));
      onVideo.run();
      LeftVentricle lv = subject.leftVentricle();
      return List.of(row(echo, name, decimal(lv.ejectionFraction()),
          decimal(lv.endSystolicVolume()), decimal(lv.endDiastolicVolume()),
          Integer.toString(size), Integer.toString(size), plain(fps), Integer.toString(frames),
          splits[i].name(), view.name(), oneDecimal(subject.heartRateBpm())));
    });
    List<String> header = new ArrayList<>(EchoNetDynamicDataset.COLUMNS);
    header.addAll(List.of(EchoNetDynamicDataset.VIEW_COLUMN, "HeartRate"));
    header.addAll(AcquisitionColumns.NAMES);
    writeCsv(fileList, header, rows.stream().map(r -> r.get(0)).toList());
  }

  private void writeBiplane(int count, Path out, Runnable onVideo) {
    Path fileList = out.resolve(EchoNetDynamicDataset.FILE_LIST);
    Path videos = prepare(out.resolve(EchoNetDynamicDataset.VIDEOS), fileList);
    Split[] splits = splits(count);
    List<List<Row>> rows = runAll(count, i -> {
      String patient = String.format(Locale.ROOT, "PT%05d", i + 1);
      Subject subject = cohort.withTwoChamberPlane(
          cohort.drawSubject(patient, random("subject", i)), random("two-chamber", i));
      LeftVentricle lv = subject.leftVentricle();
      List<Row> perView = new ArrayList<>();
      for (EchoView view : BIPLANE_VIEWS) {
        String name = view == EchoView.A4C
            ? adultFileName(Integer.toString(i))
            : adultFileName(Integer.toString(i), view.name());
        SimulatedEcho echo = record(subject, view, i);
        VideoWriter.write(echo.clip(), videos.resolve(name + ".avi"));
        onVideo.run();
        LeftVentricle plane = view == EchoView.A4C ? lv : lv.twoChamberSection();
        perView.add(row(echo, name, decimal(lv.ejectionFraction()),
            decimal(lv.endSystolicVolume()), decimal(lv.endDiastolicVolume()),
            Integer.toString(size), Integer.toString(size), plain(fps), Integer.toString(frames),
            splits[i].name(), view.name(), oneDecimal(subject.heartRateBpm()), patient,
            decimal(plane.singlePlaneEjectionFraction())));
      }
      return perView;
    });
    List<String> header = new ArrayList<>(EchoNetDynamicDataset.COLUMNS);
    header.addAll(List.of(EchoNetDynamicDataset.VIEW_COLUMN, "HeartRate",
        EchoNetDynamicDataset.PATIENT_COLUMN, SINGLE_PLANE_EF_COLUMN));
    header.addAll(AcquisitionColumns.NAMES);
    writeCsv(fileList, header, rows.stream().flatMap(List::stream).toList());
  }

  /**
   * An adult video's file name: {@code 0X} and the 16 hex digits of a hash of the cohort seed and
   * {@code index} (the subject's index, then for a biplane two-chamber video the view).
   */
  private String adultFileName(String... index) {
    String[] parts = new String[index.length + 1];
    parts[0] = "adult-file";
    System.arraycopy(index, 0, parts, 1, index.length);
    return String.format(Locale.ROOT, "0X%016X", Seeds.derive(seed, parts));
  }

  private void writePediatric(int count, Path out, Runnable onVideo) {
    List<EchoView> views = EchoNetPediatricDataset.VIEWS;
    List<Path> videoFolders = new ArrayList<>();
    for (EchoView view : views) {
      Path folder = out.resolve(view.name());
      videoFolders.add(prepare(folder.resolve(EchoNetDynamicDataset.VIDEOS),
          folder.resolve(EchoNetDynamicDataset.FILE_LIST)));
    }
    List<List<Row>> rows = runAll(count, i -> {
      String patient = String.format(Locale.ROOT, "PT%05d", i + 1);
      String accession = String.format(Locale.ROOT, "AC%05d", i + 1);
      Subject subject = cohort.drawSubject(patient, random("subject", i));
      int fold = (int) Math.floorMod(Seeds.derive(seed, "fold", patient),
          (long) EchoNetPediatricDataset.FOLDS);
      Demographics body = subject.demographics();
      LeftVentricle lv = subject.leftVentricle();
      List<Row> perView = new ArrayList<>();
      for (int v = 0; v < views.size(); v++) {
        String name = String.format(Locale.ROOT, "%s-%s-%06d.avi", patient, accession, v + 1);
        SimulatedEcho echo = record(subject, views.get(v), i);
        VideoWriter.write(echo.clip(), videoFolders.get(v).resolve(name));
        onVideo.run();
        perView.add(row(echo, name, decimal(lv.ejectionFraction()), body.sex().name(),
            Integer.toString((int) Math.floor(body.ageYears())), oneDecimal(body.weightKg()),
            oneDecimal(body.heightCm()), Integer.toString(fold),
            decimal(lv.endSystolicVolume()), decimal(lv.endDiastolicVolume()),
            oneDecimal(subject.heartRateBpm())));
      }
      return perView;
    });
    List<String> header = new ArrayList<>(EchoNetPediatricDataset.COLUMNS);
    header.addAll(List.of("ESV", "EDV", "HeartRate"));
    header.addAll(AcquisitionColumns.NAMES);
    for (int v = 0; v < views.size(); v++) {
      int view = v;
      writeCsv(out.resolve(views.get(v).name()).resolve(EchoNetDynamicDataset.FILE_LIST), header,
          rows.stream().map(r -> r.get(view)).toList());
    }
  }

  /** One recording of {@code subject} in {@code view}, from the subject's own seed. */
  private SimulatedEcho record(Subject subject, EchoView view, int index) {
    Acquisition acquisition = cohort.drawAcquisition(subject, view,
        new SplittableRandom(Seeds.derive(seed, "acquisition", Integer.toString(index),
            view.name())), variability);
    return simulator.simulate(subject, acquisition);
  }

  /** The file-list row of {@code echo}: {@code fields}, then its scanner settings. */
  private static Row row(SimulatedEcho echo, String... fields) {
    List<String> all = new ArrayList<>(List.of(fields));
    all.addAll(AcquisitionColumns.values(echo.acquisition()));
    return new Row(all);
  }

  private SplittableRandom random(String purpose, int index) {
    return new SplittableRandom(Seeds.derive(seed, purpose, Integer.toString(index)));
  }

  /** TRAIN, VAL and TEST in the proportions 75/12.5/12.5 over a seeded shuffle of the subjects. */
  private Split[] splits(int count) {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "split"));
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int train = (int) Math.round(TRAIN_SHARE * count);
    int val = (int) Math.round(VAL_SHARE * count);
    Split[] splits = new Split[count];
    for (int rank = 0; rank < count; rank++) {
      splits[order[rank]] =
          rank < train ? Split.TRAIN : rank < train + val ? Split.VAL : Split.TEST;
    }
    return splits;
  }

  /** Makes {@code videos} and removes a stale {@code fileList}; returns {@code videos}. */
  private static Path prepare(Path videos, Path fileList) {
    try {
      Files.createDirectories(videos);
      Files.deleteIfExists(fileList);
    } catch (IOException e) {
      throw new InputException(videos + ": cannot create (" + e.getMessage() + ")", e);
    }
    return videos;
  }

  /** One row of a file list. */
  private record Row(List<String> fields) {}

  /** One subject's work: its file-list rows, one per video written. */
  @FunctionalInterface
  private interface SubjectTask {
    List<Row> run(int index);
  }

  /**
   * Runs {@code task} for subjects {@code 0..count−1} on the worker threads; rows in index order.
   */
  private List<List<Row>> runAll(int count, SubjectTask task) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count));
    try {
      List<Future<List<Row>>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.run(index)));
      }
      List<List<Row>> rows = new ArrayList<>(count);
      for (Future<List<Row>> future : futures) {
        rows.add(future.get());
      }
      return rows;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("simulation failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while simulating", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void writeCsv(Path file, List<String> header, List<Row> rows) {
    StringBuilder text = new StringBuilder(CsvLine.join(header)).append('\n');
    for (Row row : rows) {
      text.append(CsvLine.join(row.fields())).append('\n');
    }
    AtomicFiles.writeOutput(file,
        temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
