package org.beantf.models.analysis;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.beantf.data.io.OutputWriteException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes the PNG plots of one layer's analysis (the paper's Figs. 2-6) and says what each shows.
 */
public final class AnalysisPlots {

  /** One written plot: its file name in the plots folder and a caption for the report. */
  public record Plot(String file, String caption) {}

  private AnalysisPlots() {}

  /** The file of {@code layer}'s A¹ or A² heat map, neurons by assembly (Fig. 6a). */
  public static String correlationFile(String layer) {
    return layer + "-correlation.png";
  }

  /** The file of {@code layer}'s t-SNE map coloured by preferred class (Fig. 4). */
  public static String tsnePreferredClassFile(String layer) {
    return layer + "-tsne-preferred-class.png";
  }

  /**
   * The file of {@code layer}'s population-ablation matrix (Fig. 5), written when the ablation was
   * measured.
   */
  public static String ablationFile(String layer) {
    return layer + "-ablation.png";
  }

  /** Writes the plots of {@code a} into {@code folder} (created if needed). */
  public static List<Plot> write(LayerAnalysis a, Path folder) {
    String layer = a.layer();
    int[] order = assemblyOrder(a.clustering().labels(), a.selectivity().preferredClass());
    List<Plot> plots = new ArrayList<>();
    String matrix = "A" + (a.correlationOrder() == 1 ? "¹" : "²");
    plots.add(
        save(
            folder,
            correlationFile(layer),
            AssemblyCharts.correlation(
                layer + ": " + matrix + ", neurons by assembly", reorder(a.correlation(), order)),
            "Correlation matrix "
                + matrix
                + " with the neurons ordered by k-means assembly, then by preferred class "
                + "(Fig. 6a). Blocks on the diagonal are assemblies."));
    plots.add(
        save(
            folder,
            layer + "-tsne-assemblies.png",
            AssemblyCharts.scatter(
                layer + ": t-SNE of outgoing weights, by assembly",
                a.tsne(),
                a.clustering().labels(),
                "assembly"),
            "t-SNE of the neurons' outgoing weight vectors, coloured by k-means assembly (k = "
                + a.k()
                + ", Fig. 2)."));
    plots.add(
        save(
            folder,
            tsnePreferredClassFile(layer),
            AssemblyCharts.scatter(
                layer + ": t-SNE of outgoing weights, by preferred class",
                a.tsne(),
                a.selectivity().preferredClass(),
                "class"),
            "The same map coloured by each neuron's preferred class: the class of its highest mean test activation "
                + "(Fig. 4)."));
    if (!Double.isNaN(a.ariStrongestOutgoing())) {
      plots.add(
          save(
              folder,
              layer + "-tsne-strongest-outgoing.png",
              AssemblyCharts.scatter(
                  layer + ": t-SNE of outgoing weights, by strongest outgoing weight's class",
                  a.tsne(),
                  a.strongestOutgoing(),
                  "class"),
              "The same map coloured by the class each neuron's largest |w| targets, excitatory or inhibitory"
                  + " (its sign is in analysis.json, strongest_outgoing_sign): BEAN's |tanh(γW)| ignores sign, so an assembly can be the"
                  + " neurons that suppress a class."));
    }
    plots.add(
        saveGrid(
            folder,
            layer + "-class-activation.png",
            AssemblyCharts.classActivation(a.tsne(), a.classMeans()),
            "Mean activation on each class's test images, on the t-SNE map, relative to the neuron's highest class "
                + "mean (white: silent, dark red: the neuron's best class; Fig. 3)."));
    if (a.ablation() != null) {
      plots.add(
          save(
              folder,
              ablationFile(layer),
              AssemblyCharts.ablation(
                  layer + ": population ablation",
                  a.ablation().change(),
                  a.ablation().groupPresent(),
                  a.groups().label()),
              "Change of each class's test accuracy (columns) when "
                  + a.groups().neurons().replace(" a class", " one class")
                  + " (rows) are silenced (Fig. 5). A dark diagonal and a pale rest: each group serves its own "
                  + "class."));
    }
    plots.add(
        save(
            folder,
            layer + "-connectivity.png",
            AssemblyCharts.connectivity(
                layer + ": |W|, neurons by assembly",
                AssemblyCharts.absolute(reorder(a.weights(), order))),
            "Outgoing weight magnitudes |W|, neurons ordered by assembly (Fig. 6b)."));
    plots.add(
        save(
            folder,
            layer + "-outgoing.png",
            AssemblyCharts.outgoingProfiles(
                layer + ": mean outgoing weights per assembly",
                a.outgoingProfiles(),
                sizes(a.clustering().labels(), a.k())),
            "Each assembly's mean outgoing weight to each neuron of the next layer (Fig. 6c); the legend gives its "
                + "size."));
    return plots;
  }

  /** The neurons sorted by assembly, then preferred class, then index. */
  static int[] assemblyOrder(int[] assembly, int[] preferredClass) {
    return IntStream.range(0, assembly.length)
        .boxed()
        .sorted(
            Comparator.<Integer>comparingInt(i -> assembly[i])
                .thenComparingInt(i -> preferredClass[i])
                .thenComparingInt(i -> i))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Rows (and, for a square matrix, columns) of {@code m} in {@code order}. */
  static double[][] reorder(double[][] m, int[] order) {
    boolean square = m.length == m[0].length;
    double[][] sorted = new double[m.length][];
    for (int i = 0; i < order.length; i++) {
      double[] row = m[order[i]];
      sorted[i] = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        sorted[i][j] = row[square ? order[j] : j];
      }
    }
    return sorted;
  }

  private static int[] sizes(int[] labels, int k) {
    int[] sizes = new int[k];
    for (int label : labels) {
      sizes[label]++;
    }
    return sizes;
  }

  private static Plot save(Path folder, String file, Chart<?, ?> chart, String caption) {
    try (OutputStream out = open(folder, file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw OutputWriteException.of(folder.resolve(file), e);
    }
    return new Plot(file, caption);
  }

  /**
   * The panels side by side, five to a row (XChart's own grid needs exactly rows × columns panels).
   */
  private static <C extends Chart<?, ?>> Plot saveGrid(
      Path folder, String file, List<C> panels, String caption) {
    int columns = Math.min(5, panels.size());
    int rows = (panels.size() + columns - 1) / columns;
    int width = panels.get(0).getWidth();
    int height = panels.get(0).getHeight();
    BufferedImage grid =
        new BufferedImage(columns * width, rows * height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
      for (int i = 0; i < panels.size(); i++) {
        g.drawImage(
            BitmapEncoder.getBufferedImage(panels.get(i)),
            (i % columns) * width,
            (i / columns) * height,
            null);
      }
    } finally {
      g.dispose();
    }
    try (OutputStream out = open(folder, file)) {
      ImageIO.write(grid, "png", out);
    } catch (IOException e) {
      throw OutputWriteException.of(folder.resolve(file), e);
    }
    return new Plot(file, caption);
  }

  private static OutputStream open(Path folder, String file) throws IOException {
    Files.createDirectories(folder);
    return Files.newOutputStream(folder.resolve(file));
  }
}
