package echobench.reports.render;

import echobench.reports.ModelNames;
import echobench.reports.metrics.Metric;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import echobench.reports.robustness.EffectiveRobustness;
import echobench.reports.robustness.LabelEfficiency;
import echobench.reports.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's PNG figures (xchart): severity curves of one perturbation with interval bands, one
 * line per model with the predict-the-training-mean baseline as a dashed grey reference line; the
 * scatter of clean against perturbed value with the effective-robustness line; the heatmap of
 * degradation per model and condition; and bars of the clean metric per model across datasets
 * (adult against pediatric).
 */
public final class Figures {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 440;
  private static final Color BASELINE = new Color(0x80, 0x80, 0x80);
  /** Okabe–Ito colours, distinguishable with colour-vision deficiency. */
  private static final Color[] PALETTE = {
    new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
    new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
    new Color(0xF0, 0xE4, 0x42), new Color(0x00, 0x00, 0x00)
  };
  /** Blue (gain) through white (none) to red (loss), ColorBrewer RdBu, light enough for text. */
  private static final Color[] DIVERGING = {
    new Color(0x43, 0x93, 0xC3), new Color(0xD1, 0xE5, 0xF0), new Color(0xF7, 0xF7, 0xF7),
    new Color(0xFD, 0xDB, 0xC7), new Color(0xD6, 0x60, 0x4D)
  };
  private static final BasicStroke BASELINE_LINE =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f},
          0f);

  private Figures() {}

  /**
   * The metric against severity for one perturbation on one dataset, each model's percentile
   * interval as a shaded band around its line (the baseline has no band).
   *
   * @param curves per model (in legend order) its value with interval at each severity; severity
   *     0 is clean; NaN interval ends draw no band
   */
  public static Figure severityCurves(String dataset, String task, Metric metric,
      String perturbation, Map<String, NavigableMap<Integer, ConfidenceInterval>> curves) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(perturbation + " on " + dataset)
        .xAxisTitle("severity").yAxisTitle(metric.id() + " (" + task + ")").build();
    style(chart.getStyler());
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    Map<String, Color> colours = colours(curves.keySet());
    for (Map.Entry<String, NavigableMap<Integer, ConfidenceInterval>> curve : curves.entrySet()) {
      if (!ModelNames.isBaseline(curve.getKey())) {
        band(chart, curve.getKey(), curve.getValue(), colours.get(curve.getKey()));
      }
    }
    for (Map.Entry<String, NavigableMap<Integer, ConfidenceInterval>> curve : curves.entrySet()) {
      double[] x = curve.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
      double[] y = curve.getValue().values().stream()
          .mapToDouble(ConfidenceInterval::estimate).toArray();
      XYSeries series = chart.addSeries(curve.getKey(), x, y);
      Color c = colours.get(curve.getKey());
      series.setLineColor(c);
      if (ModelNames.isBaseline(curve.getKey())) {
        series.setLineStyle(BASELINE_LINE);
        series.setMarker(SeriesMarkers.NONE);
      } else {
        series.setMarkerColor(c);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(SeriesLines.SOLID);
      }
    }
    return new Figure(fileName("severity", dataset, task, metric.id(), perturbation),
        metric.id() + " of each model on " + dataset + " against the severity of "
            + perturbation + " (0 = clean); shaded: the 95 % paired-bootstrap interval of each"
            + " value as recorded in results.csv; dashed grey: predict the training mean",
        png(chart));
  }

  /**
   * One model in the clean-against-perturbed scatter.
   *
   * @param clean the clean value with its interval
   * @param perturbed the mean over the perturbed conditions with its interval
   */
  public record ModelPoint(String model, ConfidenceInterval clean, ConfidenceInterval perturbed) {}

  /**
   * The perturbed value (mean over the perturbed conditions) of each model against its clean
   * value, with interval bars on both axes, the line of no degradation (perturbed = clean), and,
   * when given, the effective-robustness line.
   *
   * @param line the least-squares line of perturbed on clean value across the models, if drawn
   */
  public static Figure cleanAgainstPerturbed(String dataset, String task, Metric metric,
      List<ModelPoint> points, Optional<EffectiveRobustness> line) {
    XYChart chart = new XYChartBuilder().width(WIDTH + 100).height(HEIGHT + 60)
        .title("clean against perturbed " + metric.id() + " on " + dataset)
        .xAxisTitle("clean " + metric.id() + " (" + task + ")")
        .yAxisTitle("mean perturbed " + metric.id()).build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (ModelPoint p : points) {
      for (double v : new double[] {p.clean().estimate(), p.clean().low(), p.clean().high(),
          p.perturbed().estimate(), p.perturbed().low(), p.perturbed().high()}) {
        if (Double.isFinite(v)) {
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
    }
    if (!(low <= high)) {
      low = 0;
      high = 1;
    }
    double pad = Math.max(0.05 * (high - low), 1e-6);
    double[] range = {low - pad, high + pad};
    XYSeries identity = chart.addSeries("perturbed = clean", range, range);
    identity.setLineColor(BASELINE);
    identity.setLineStyle(BASELINE_LINE);
    identity.setMarker(SeriesMarkers.NONE);
    line.filter(l -> Double.isFinite(l.slope())).ifPresent(l -> {
      XYSeries fit = chart.addSeries("effective-robustness fit", range,
          new double[] {l.expected(range[0]), l.expected(range[1])});
      fit.setLineColor(Color.BLACK);
      fit.setLineStyle(SeriesLines.SOLID);
      fit.setMarker(SeriesMarkers.NONE);
    });
    Map<String, Color> colours = colours(points.stream().map(ModelPoint::model).toList());
    for (ModelPoint p : points) {
      Color c = colours.get(p.model());
      double x = p.clean().estimate();
      double y = p.perturbed().estimate();
      errorBar(chart, p.model() + " clean interval",
          new double[] {p.clean().low(), p.clean().high()}, new double[] {y, y}, c);
      errorBar(chart, p.model() + " perturbed interval", new double[] {x, x},
          new double[] {p.perturbed().low(), p.perturbed().high()}, c);
      XYSeries point = chart.addSeries(p.model(), new double[] {x}, new double[] {y});
      point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      point.setMarker(ModelNames.isBaseline(p.model()) ? SeriesMarkers.DIAMOND
          : SeriesMarkers.CIRCLE);
      point.setMarkerColor(c);
    }
    return new Figure(fileName("scatter", dataset, task, metric.id()),
        "each model's mean " + metric.id() + " over the perturbed conditions against its clean "
            + metric.id() + " on " + dataset + ", with 95 % paired-bootstrap intervals on both"
            + " axes; dashed grey: no degradation"
            + (line.isPresent() ? "; black: least-squares line across the models (a model below"
                + " it loses less than its clean " + metric.id() + " predicts)" : ""),
        png(chart));
  }

  /**
   * The degradation of each model under each condition as coloured cells with the value printed
   * in percent; blue is a gain, red a loss, white none, the scale in the legend.
   *
   * @param columns the column labels (conditions, then for example {@code Avg. Deg.})
   * @param degradation per model (in row order, top first) its degradation per column as a
   *     fraction; NaN leaves a cell empty
   */
  public static Figure degradationHeatmap(String dataset, String task, Metric metric,
      List<String> columns, Map<String, double[]> degradation) {
    List<String> rows = new ArrayList<>(degradation.keySet());
    double[][] percent = new double[rows.size()][];
    double extreme = 1;
    for (int r = 0; r < rows.size(); r++) {
      percent[r] = Arrays.stream(degradation.get(rows.get(r))).map(v -> 100 * v).toArray();
      for (double v : percent[r]) {
        if (Double.isFinite(v)) {
          extreme = Math.max(extreme, Math.abs(v));
        }
      }
    }
    byte[] png = HeatmapImage.png("degradation of " + metric.id() + " (%) on " + dataset, rows,
        columns, percent, DIVERGING, Math.ceil(extreme), HeatmapImage::signedOneDecimal);
    return new Figure(fileName("heatmap", dataset, task, metric.id()),
        "degradation of " + metric.id() + " on " + dataset + " per model and condition, in %: "
            + (metric.isError() ? "(err_p − err_clean) / err_clean"
                : "(score_clean − score_p) / score_clean")
            + "; positive (red) is a loss, negative (blue) a gain; Avg. Deg. is the mean over"
            + " the perturbed conditions",
        png);
  }

  /**
   * Bars of the clean metric, grouped by dataset, one bar per model.
   *
   * @param values per model (in legend order) its clean value on each of {@code datasets}; NaN
   *     where the model was not evaluated on a dataset
   */
  public static Figure cleanBars(String task, Metric metric, List<String> datasets,
      Map<String, List<Double>> values) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("clean " + metric.id() + " by dataset")
        .xAxisTitle("dataset").yAxisTitle(metric.id() + " (" + task + ")").build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    int colour = 0;
    for (Map.Entry<String, List<Double>> bars : values.entrySet()) {
      List<Double> heights = new ArrayList<>();
      for (double v : bars.getValue()) {
        heights.add(Double.isNaN(v) ? null : v);
      }
      CategorySeries series = chart.addSeries(bars.getKey(), datasets, heights);
      series.setFillColor(ModelNames.isBaseline(bars.getKey())
          ? BASELINE : PALETTE[colour++ % PALETTE.length]);
    }
    return new Figure(fileName("clean", task, metric.id()),
        "clean " + metric.id() + " of each model on each dataset; grey: predict the training mean",
        png(chart));
  }

  /**
   * The clean value, or the Avg. Deg. (in %), of each model against the share of TRAIN its probe
   * was fitted on (log scale), the mean over the label seeds with ± one standard deviation as bars.
   *
   * @param curves the models' curves on {@code dataset}, {@code task} and {@code metric}
   * @param avgDegradation plot the Avg. Deg. instead of the clean value
   */
  public static Figure labelEfficiency(String dataset, String task, Metric metric,
      List<LabelEfficiency.Curve> curves, boolean avgDegradation) {
    String quantity =
        avgDegradation ? "Avg. Deg. of " + metric.id() + " (%)" : "clean " + metric.id();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(quantity + " against label fraction on " + dataset)
        .xAxisTitle("share of TRAIN labelled (log scale)")
        .yAxisTitle(quantity + " (" + task + ")")
        .build();
    style(chart.getStyler());
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    Map<String, Color> colours =
        colours(curves.stream().map(LabelEfficiency.Curve::model).toList());
    double scale = avgDegradation ? 100 : 1;
    for (LabelEfficiency.Curve curve : curves) {
      List<LabelEfficiency.Point> points = curve.points();
      double[] x = points.stream().mapToDouble(LabelEfficiency.Point::fraction).toArray();
      double[] y = new double[points.size()];
      double[] sd = new double[points.size()];
      for (int i = 0; i < y.length; i++) {
        LabelEfficiency.Point p = points.get(i);
        y[i] = scale * (avgDegradation ? p.avgDegradationMean() : p.cleanMean());
        double s = avgDegradation ? p.avgDegradationSd() : p.cleanSd();
        sd[i] = Double.isNaN(s) ? 0 : scale * s;
      }
      XYSeries series = chart.addSeries(curve.model(), x, y, sd);
      Color c = colours.get(curve.model());
      series.setLineColor(c);
      series.setMarkerColor(c);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setLineStyle(SeriesLines.SOLID);
    }
    return new Figure(fileName("labels", avgDegradation ? "avgdeg" : "clean", dataset, task,
            metric.id()),
        quantity + " of each model on " + dataset + " against the share of TRAIN its probe was"
            + " fitted on (stratified subsets, selected on the full VAL): the mean over the label"
            + " seeds, bars ± one sample standard deviation (none with one seed)",
        png(chart));
  }

  private static Map<String, Color> colours(Collection<String> models) {
    Map<String, Color> colours = new LinkedHashMap<>();
    int next = 0;
    for (String model : models) {
      colours.put(model,
          ModelNames.isBaseline(model) ? BASELINE : PALETTE[next++ % PALETTE.length]);
    }
    return colours;
  }

  private static void band(XYChart chart, String model,
      NavigableMap<Integer, ConfidenceInterval> curve, Color colour) {
    if (curve.values().stream().anyMatch(ci -> Double.isNaN(ci.low()) || Double.isNaN(ci.high()))) {
      return;
    }
    int n = curve.size();
    double[] x = new double[2 * n];
    double[] y = new double[2 * n];
    int i = 0;
    for (Map.Entry<Integer, ConfidenceInterval> e : curve.entrySet()) {
      x[i] = e.getKey();
      x[2 * n - 1 - i] = e.getKey();
      y[i] = e.getValue().high();
      y[2 * n - 1 - i] = e.getValue().low();
      i++;
    }
    XYSeries band = chart.addSeries(model + " interval", x, y);
    band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 30));
    band.setLineColor(new Color(0, 0, 0, 0));
    band.setMarker(SeriesMarkers.NONE);
    band.setShowInLegend(false);
  }

  private static void errorBar(XYChart chart, String name, double[] x, double[] y, Color colour) {
    if (Arrays.stream(x).anyMatch(Double::isNaN) || Arrays.stream(y).anyMatch(Double::isNaN)) {
      return;
    }
    XYSeries bar = chart.addSeries(name, x, y);
    bar.setLineColor(colour);
    bar.setLineStyle(SeriesLines.SOLID);
    bar.setMarker(SeriesMarkers.NONE);
    bar.setShowInLegend(false);
  }

  private static void style(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setAntiAlias(true);
    styler.setLocale(Locale.ROOT);
  }

  private static String fileName(String... parts) {
    return String.join("-", parts).replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
  }

  private static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a figure as PNG", e);
    }
  }
}
