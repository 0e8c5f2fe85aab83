package org.beantf.models.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The XChart charts of one layer's analysis, one method per figure of the paper's Section 3.1. */
final class AssemblyCharts {
  /**
   * Heat maps show at most this many cells a side (block means beyond): XChart draws one rectangle
   * per cell.
   */
  static final int MAX_CELLS = 125;

  /** Colour levels of the activation maps: XChart colours a series, not a point. */
  private static final int LEVELS = 9;

  private AssemblyCharts() {}

  /**
   * Fig. 6a: the correlation matrix with neurons in assembly order, block-averaged to {@link
   * #MAX_CELLS}.
   */
  static HeatMapChart correlation(String title, double[][] a) {
    double[][] shown = blockMeans(a, MAX_CELLS);
    int block = (a.length + shown.length - 1) / shown.length;
    HeatMapChart chart = heatMap(title, shown, null, null, Palette.MAGNITUDE, 0, legendMax(shown));
    chart.setXAxisTitle(
        block == 1
            ? "neuron (by assembly)"
            : "neurons (by assembly), mean of " + block + " x " + block + " blocks");
    chart.setYAxisTitle("neuron (by assembly)");
    return chart;
  }

  /** Fig. 6b: |W| (rows in assembly order) against the next layer's neurons. */
  static HeatMapChart connectivity(String title, double[][] magnitudes) {
    double[][] shown = blockRows(magnitudes, MAX_CELLS);
    HeatMapChart chart =
        heatMap(
            title,
            shown,
            indexLabels(magnitudes[0].length),
            null,
            Palette.MAGNITUDE,
            0,
            legendMax(shown));
    chart.setXAxisTitle("next layer's neuron");
    chart.setYAxisTitle(
        shown.length == magnitudes.length
            ? "neuron (by assembly)"
            : "neurons (by assembly), mean of "
                + (magnitudes.length + shown.length - 1) / shown.length);
    return chart;
  }

  /**
   * Fig. 5: the change in each class's test accuracy when each group is silenced.
   *
   * @param groups what the groups are classes of: "preferred class", …
   */
  static HeatMapChart ablation(
      String title, double[][] change, boolean[] groupPresent, String groups) {
    List<String> rows = new ArrayList<>();
    for (int g = 0; g < change.length; g++) {
      rows.add("group " + g + (groupPresent[g] ? "" : " (empty)"));
    }
    double extent = legendMax(absolute(change));
    HeatMapChart chart =
        heatMap(
            title, change, indexLabels(change[0].length), rows, Palette.SIGNED, -extent, extent);
    chart
        .getStyler()
        .setShowValue(true)
        .setHeatMapValueDecimalPattern("0.00")
        .setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    chart.setXAxisTitle("class (test accuracy change)");
    chart.setYAxisTitle("silenced group (" + groups + ")");
    return chart;
  }

  /**
   * Figs. 2 and 4: the t-SNE map of the neurons, one colour per category (assembly or preferred
   * class).
   */
  static XYChart scatter(String title, double[][] xy, int[] category, String categoryName) {
    XYChart chart =
        new XYChartBuilder()
            .width(760)
            .height(600)
            .title(title)
            .xAxisTitle("t-SNE 1")
            .yAxisTitle("t-SNE 2")
            .build();
    chart
        .getStyler()
        .setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
        .setLegendPosition(Styler.LegendPosition.OutsideE)
        .setMarkerSize(7);
    int categories = 0;
    for (int c : category) {
      categories = Math.max(categories, c + 1);
    }
    for (int c = 0; c < categories; c++) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int i = 0; i < xy.length; i++) {
        if (category[i] == c) {
          x.add(xy[i][0]);
          y.add(xy[i][1]);
        }
      }
      if (!x.isEmpty()) {
        String label =
            categoryName + " " + c + ": " + x.size() + (x.size() == 1 ? " neuron" : " neurons");
        chart
            .addSeries(label, x, y)
            .setMarker(SeriesMarkers.CIRCLE)
            .setMarkerColor(Palette.category(c));
      }
    }
    return chart;
  }

  /**
   * Fig. 3: one panel per class, the neurons on the t-SNE map coloured by their mean activation on
   * that class's test images, relative to the neuron's highest class mean (white: silent for the
   * class, dark red: its best).
   */
  static List<XYChart> classActivation(double[][] xy, double[][] classMeans) {
    int n = xy.length;
    double[] best = new double[n];
    for (double[] means : classMeans) {
      for (int i = 0; i < n; i++) {
        best[i] = Math.max(best[i], means[i]);
      }
    }
    List<XYChart> panels = new ArrayList<>();
    for (int c = 0; c < classMeans.length; c++) {
      XYChart chart = new XYChartBuilder().width(300).height(300).title("class " + c).build();
      chart.getStyler().setAxisTicksVisible(false);
      chart
          .getStyler()
          .setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
          .setMarkerSize(5)
          .setLegendVisible(false);
      for (int level = 0; level < LEVELS; level++) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          double relative = best[i] > 0 ? classMeans[c][i] / best[i] : 0;
          if (Math.min(LEVELS - 1, (int) (relative * LEVELS)) == level) {
            x.add(xy[i][0]);
            y.add(xy[i][1]);
          }
        }
        if (!x.isEmpty()) {
          chart
              .addSeries("level " + level, x, y)
              .setMarker(SeriesMarkers.CIRCLE)
              .setMarkerColor(Palette.along(Palette.MAGNITUDE, (level + 0.5) / LEVELS));
        }
      }
      panels.add(chart);
    }
    return panels;
  }

  /** Fig. 6c: each assembly's mean outgoing weight to each neuron of the next layer. */
  static XYChart outgoingProfiles(String title, double[][] profiles, int[] sizes) {
    XYChart chart =
        new XYChartBuilder()
            .width(760)
            .height(500)
            .title(title)
            .xAxisTitle("next layer's neuron")
            .yAxisTitle("mean outgoing weight")
            .build();
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    double[] x = new double[profiles[0].length];
    for (int j = 0; j < x.length; j++) {
      x[j] = j;
    }
    for (int a = 0; a < profiles.length; a++) {
      if (sizes[a] > 0) {
        XYSeries series = chart.addSeries("assembly " + a + " (" + sizes[a] + ")", x, profiles[a]);
        series.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Palette.category(a));
        series.setLineColor(Palette.category(a)).setLineStyle(new BasicStroke(2f));
      }
    }
    return chart;
  }

  private static HeatMapChart heatMap(
      String title,
      double[][] values,
      List<String> columns,
      List<String> rows,
      Color[] ramp,
      double min,
      double max) {
    HeatMapChart chart = new HeatMapChartBuilder().width(760).height(680).title(title).build();
    chart
        .getStyler()
        .setRangeColors(ramp)
        .setMin(min)
        .setMax(max)
        .setDrawBorder(false)
        .setPlotGridLinesVisible(false);
    boolean labelled = columns != null;
    chart.getStyler().setXAxisTicksVisible(labelled).setYAxisTicksVisible(rows != null);
    int r = values.length;
    int c = values[0].length;
    List<Object> x = new ArrayList<>(labelled ? columns : indexLabels(c));
    // row 0 at the top, as in a matrix: XChart's y axis grows upwards
    List<Object> y = new ArrayList<>();
    for (int i = r - 1; i >= 0; i--) {
      y.add(rows != null ? rows.get(i) : Integer.toString(i));
    }
    List<Number[]> cells = new ArrayList<>(r * c);
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        cells.add(new Number[] {j, r - 1 - i, values[i][j]});
      }
    }
    chart.addSeries("values", x, y, cells);
    return chart;
  }

  /**
   * {@code m} averaged over square blocks so that at most {@code cells} rows and columns remain.
   */
  static double[][] blockMeans(double[][] m, int cells) {
    int block = (m.length + cells - 1) / cells;
    if (block <= 1) {
      return m;
    }
    int size = (m.length + block - 1) / block;
    double[][] means = new double[size][size];
    for (int bi = 0; bi < size; bi++) {
      for (int bj = 0; bj < size; bj++) {
        double sum = 0;
        int count = 0;
        for (int i = bi * block; i < Math.min(m.length, (bi + 1) * block); i++) {
          for (int j = bj * block; j < Math.min(m.length, (bj + 1) * block); j++) {
            sum += m[i][j];
            count++;
          }
        }
        means[bi][bj] = sum / count;
      }
    }
    return means;
  }

  /** {@code m} with consecutive rows averaged so that at most {@code cells} rows remain. */
  static double[][] blockRows(double[][] m, int cells) {
    int block = (m.length + cells - 1) / cells;
    if (block <= 1) {
      return m;
    }
    int size = (m.length + block - 1) / block;
    double[][] means = new double[size][m[0].length];
    for (int b = 0; b < size; b++) {
      int to = Math.min(m.length, (b + 1) * block);
      for (int i = b * block; i < to; i++) {
        for (int j = 0; j < m[i].length; j++) {
          means[b][j] += m[i][j] / (to - b * block);
        }
      }
    }
    return means;
  }

  private static List<String> indexLabels(int count) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      labels.add(Integer.toString(i));
    }
    return labels;
  }

  /**
   * The largest value of {@code m} rounded up to two significant digits, which the legend prints as
   * it is.
   */
  private static double legendMax(double[][] m) {
    double max = 0;
    for (double[] row : m) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    return max > 0
        ? new BigDecimal(max).round(new MathContext(2, RoundingMode.UP)).doubleValue()
        : 1;
  }

  static double[][] absolute(double[][] m) {
    double[][] abs = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      abs[i] = new double[m[i].length];
      for (int j = 0; j < m[i].length; j++) {
        abs[i][j] = Math.abs(m[i][j]);
      }
    }
    return abs;
  }
}
