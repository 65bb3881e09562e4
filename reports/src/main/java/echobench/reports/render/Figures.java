package echobench.reports.render;

import echobench.reports.ModelNames;
import echobench.reports.metrics.Metric;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's PNG figures (xchart): severity curves of one perturbation, one line per model with
 * the predict-the-training-mean baseline as a dashed grey reference line, and bars of the clean
 * metric per model across datasets (adult against pediatric).
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
  private static final BasicStroke BASELINE_LINE =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f},
          0f);

  private Figures() {}

  /**
   * The metric against severity for one perturbation on one dataset.
   *
   * @param curves per model (in legend order) its value at each severity; severity 0 is clean
   */
  public static Figure severityCurves(String dataset, String task, Metric metric,
      String perturbation, Map<String, NavigableMap<Integer, Double>> curves) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(perturbation + " on " + dataset)
        .xAxisTitle("severity").yAxisTitle(metric.id() + " (" + task + ")").build();
    style(chart.getStyler());
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    int colour = 0;
    for (Map.Entry<String, NavigableMap<Integer, Double>> curve : curves.entrySet()) {
      double[] x = curve.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
      double[] y = curve.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
      XYSeries series = chart.addSeries(curve.getKey(), x, y);
      if (ModelNames.isBaseline(curve.getKey())) {
        series.setLineColor(BASELINE);
        series.setLineStyle(BASELINE_LINE);
        series.setMarker(SeriesMarkers.NONE);
      } else {
        Color c = PALETTE[colour++ % PALETTE.length];
        series.setLineColor(c);
        series.setMarkerColor(c);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(SeriesLines.SOLID);
      }
    }
    return new Figure(fileName("severity", dataset, task, metric.id(), perturbation),
        metric.id() + " of each model on " + dataset + " against the severity of "
            + perturbation + " (0 = clean); dashed grey: predict the training mean",
        png(chart));
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

  private static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setAntiAlias(true);
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
