package org.beantf.models.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beantf.data.io.Folders;
import org.beantf.data.io.OutputWriteException;

/** Lays out the output of {@code bean analyze}: analysis.json, plots/*.png and report.html. */
public final class AnalysisFolder {
  private AnalysisFolder() {}

  /**
   * Writes the analysis of {@code layers} of {@code target} into {@code folder}.
   *
   * @param command the command line, quoted in the report
   */
  public static void write(
      Path folder, AnalysisTarget target, String command, List<LayerAnalysis> layers) {
    Path plotsFolder = folder.resolve("plots");
    Map<String, List<AnalysisPlots.Plot>> plots = new LinkedHashMap<>();
    for (LayerAnalysis layer : layers) {
      plots.put(layer.layer(), AnalysisPlots.write(layer, plotsFolder));
    }
    try {
      Folders.writeAtomically(
          folder.resolve("analysis.json"), AnalysisJson.of(target.path(), layers));
      Folders.writeAtomically(
          folder.resolve("report.html"),
          AnalysisReport.html(command, target.about(), layers, plots, plotsFolder));
    } catch (IOException e) {
      throw OutputWriteException.of(folder, e);
    }
  }
}
