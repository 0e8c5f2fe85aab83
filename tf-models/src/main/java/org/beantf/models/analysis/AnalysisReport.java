package org.beantf.models.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beantf.bean.analysis.MapSilhouette;

/**
 * report.html: one self-contained page (the plots embedded as data URIs) with each layer's numbers
 * beside its plots and the command that made it.
 */
public final class AnalysisReport {
  private AnalysisReport() {}

  /**
   * The page.
   *
   * @param command the command line that made the analysis
   * @param about what was analysed, as label → value (model, dataset, regularizers, …)
   * @param plots each layer's plots, files in {@code plotsFolder}
   */
  public static String html(
      String command,
      Map<String, String> about,
      List<LayerAnalysis> layers,
      Map<String, List<AnalysisPlots.Plot>> plots,
      Path plotsFolder) {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>BEAN assembly analysis</title>\n")
        .append(
            "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
        .append(
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;")
        .append("text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
        .append(
            "figure{margin:1.5em 0}img{max-width:100%;border:1px solid #eee}pre{background:#f6f6f6;")
        .append("padding:.6em;white-space:pre-wrap}</style></head><body>\n")
        .append("<h1>Neuronal assemblies</h1>\n<pre>")
        .append(escape(command))
        .append("</pre>\n<table>\n");
    about.forEach(
        (label, value) ->
            page.append("<tr><th>")
                .append(escape(label))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n"));
    page.append("</table>\n");
    for (LayerAnalysis a : layers) {
      page.append("<h2>Layer <code>").append(escape(a.layer())).append("</code></h2>\n<table>\n");
      row(page, "neurons N, next layer M", a.n() + ", " + a.m());
      row(page, "silhouette, k-means with k = " + a.k(), number(a.silhouette()));
      row(
          page,
          "best k over 2..20 (its silhouette)",
          a.bestK().k() + " (" + number(a.bestK().silhouette()) + ")");
      row(
          page,
          "silhouette for k = 2, 3, …",
          String.join(
              ", ",
              Arrays.stream(a.bestK().silhouetteByK())
                  .mapToObj(s -> String.format(Locale.ROOT, "%.3f", s))
                  .toList()));
      row(
          page,
          "shuffled weights: mean silhouette ± sd ("
              + a.shuffled().silhouettes().length
              + " shuffles)",
          number(a.shuffled().mean()) + " ± " + number(a.shuffled().standardDeviation()));
      row(page, "z of the silhouette against the shuffles", number(a.shuffledZ()));
      row(
          page,
          "silhouette of k-means (k = " + a.k() + ") on the 2-D t-SNE map instead of W",
          number(a.tsneSilhouette()));
      MapSilhouette map = a.mapSilhouette();
      row(
          page,
          "paper-style silhouette (MATLAB pipeline: t-SNE map, k-means, squared Euclidean),"
              + " mean ± sd, max over seeds",
          map == null ? "skipped (--map-seeds 0)" : spread(map.silhouettes()));
      if (map != null) {
        row(
            page,
            "… the same for fresh uniform weights of this shape (the floor)",
            spread(map.floor()));
        row(page, "… the same for W with its entries shuffled", spread(map.shuffled()));
        row(
            page,
            "paper-style mean above the maximum of both references",
            map.mean()
                    > Math.max(
                        MapSilhouette.Summary.max(map.floor()),
                        MapSilhouette.Summary.max(map.shuffled()))
                ? "yes"
                : "no");
      }
      row(page, "ARI, clusters vs preferred class", number(a.ari()));
      row(page, "NMI, clusters vs preferred class", number(a.nmi()));
      row(
          page,
          "ARI, clusters vs the class of the strongest outgoing weight",
          Double.isNaN(a.ariStrongestOutgoing())
              ? "n/a (the layer does not feed the output)"
              : number(a.ariStrongestOutgoing()));
      row(
          page,
          "fraction of present connections (|tanh(γw)| ≥ 0.01) that are negative",
          number(a.negativeFraction()));
      row(page, "ablation groups neurons by", a.groups().label());
      row(page, "mean class selectivity", number(mean(a.selectivity().selectivity())));
      row(
          page,
          "ablation score (own-class drop − other-class drop)",
          a.ablation() == null
              ? "not measured (a SavedModel cannot silence neurons)"
              : number(a.ablation().score()));
      row(page, "sparsity (fraction of |tanh(γw)| < 0.01)", number(a.sparsity()));
      AssemblyVerdict verdict = AssemblyVerdict.of(a);
      row(
          page,
          "assemblies",
          !verdict.measured() ? "no verdict" : verdict.assemblies() ? "yes" : "no");
      page.append("</table>\n<p>")
          .append(escape(verdict.sentence()))
          .append("</p>\n<p><small>Rule: ")
          .append(escape(AssemblyVerdict.RULE))
          .append(".</small></p>\n");
      for (AnalysisPlots.Plot plot : plots.get(a.layer())) {
        page.append("<figure><img alt=\"")
            .append(escape(plot.file()))
            .append("\" src=\"data:image/png;base64,")
            .append(base64(plotsFolder.resolve(plot.file())))
            .append("\"><figcaption>")
            .append(escape(plot.caption()))
            .append("</figcaption></figure>\n");
      }
    }
    return page.append("</body></html>\n").toString();
  }

  private static void row(StringBuilder page, String label, String value) {
    page.append("<tr><th>")
        .append(escape(label))
        .append("</th><td class=\"n\">")
        .append(escape(value))
        .append("</td></tr>\n");
  }

  private static String spread(double[] values) {
    return String.format(
        Locale.ROOT,
        "%.4f ± %.4f, max %.4f (%d seeds)",
        MapSilhouette.Summary.mean(values),
        MapSilhouette.Summary.standardDeviation(values),
        MapSilhouette.Summary.max(values),
        values.length);
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "n/a";
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }

  private static String base64(Path png) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(png));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + png, e);
    }
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
