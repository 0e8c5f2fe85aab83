package org.beantf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.beantf.bean.BeanInspection;
import org.beantf.bean.Normalization;
import org.beantf.data.BadInputException;
import org.beantf.data.io.OutputFolder;
import org.beantf.data.npy.Npy;
import org.beantf.data.npy.NpyMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bean inspect}: the correlation matrices and BEAN losses of any weight matrix, by the
 * training ops.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Correlation matrices A¹, A² of outgoing weights W [N,M] and, given activations H [S,N], the "
          + "BEAN losses of Eq. 1 (without alpha), by the same graph ops as training.",
      "Writes DIR/correlation1.npy and DIR/correlation2.npy (float32, N×N) and prints one JSON line."
    })
final class InspectCommand implements Callable<Integer> {
  @Option(
      names = "--weights",
      required = true,
      paramLabel = "W.npy",
      description = "outgoing weights, 2-D float32 or float64 .npy, one row per neuron")
  Path weights;

  @Option(names = "--activations", paramLabel = "H.npy", description = "activations [S,N] .npy")
  Path activations;

  @Option(
      names = "--gamma",
      paramLabel = "G",
      defaultValue = "1",
      description = "γ of f(W) = |tanh(γW)| " + "(default ${DEFAULT-VALUE})")
  double gamma;

  @Option(
      names = "--normalization",
      paramLabel = "paper|none",
      defaultValue = "paper",
      description =
          "paper: A¹ = FFᵀ/M, A² = (FFᵀ)⊙(FFᵀ)/M²; none: without 1/M, 1/M² (default ${DEFAULT-VALUE})")
  Normalization normalization;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "an absent or empty folder")
  Path out;

  @Override
  public Integer call() throws Exception {
    Normalization norm = normalization;
    if (!(gamma > 0) || Double.isInfinite(gamma)) {
      throw new BadInputException("--gamma " + gamma + ": expected a finite number > 0");
    }
    OutputFolder folder = OutputFolder.of(out);
    NpyMatrix w = finite("--weights", weights, Npy.read(weights));
    NpyMatrix h =
        activations == null ? null : finite("--activations", activations, Npy.read(activations));
    if (h != null && h.cols() != w.rows()) {
      throw new BadInputException(
          "--activations "
              + activations
              + ": "
              + h.cols()
              + " columns (expected N = "
              + w.rows()
              + ", one per row of --weights "
              + weights
              + ")");
    }

    Path staged = folder.stage(); // before TensorFlow: an unwritable --out is found out first
    BeanInspection.Findings findings;
    try {
      findings =
          BeanInspection.inspect(w.toFloatRows(), h == null ? null : h.toFloatRows(), gamma, norm);
      Npy.writeFloat32(staged.resolve("correlation1.npy"), NpyMatrix.of(findings.correlation1()));
      Npy.writeFloat32(staged.resolve("correlation2.npy"), NpyMatrix.of(findings.correlation2()));
      folder.commit(staged);
    } catch (RuntimeException e) {
      OutputFolder.discard(staged, e);
      throw e;
    }

    ObjectMapper json = new ObjectMapper();
    ObjectNode line = json.createObjectNode().put("n", w.rows()).put("m", w.cols());
    if (h != null) {
      line.put("s", h.rows());
    }
    line.put("gamma", gamma).put("normalization", norm.cliName());
    if (h != null) {
      ObjectNode losses = line.putObject("loss");
      for (Map.Entry<String, Double> loss : findings.losses().entrySet()) {
        losses.put(loss.getKey(), loss.getValue());
      }
    }
    System.out.println(json.writeValueAsString(line));
    return 0;
  }

  /**
   * {@code m} if every value is finite; otherwise bad input naming the first non-finite value and
   * its place.
   */
  private static NpyMatrix finite(String option, Path file, NpyMatrix m) {
    if (m.zeroedInFloat32() > 0) {
      System.err.println(
          "bean: warning: "
              + option
              + " "
              + file
              + ": "
              + m.zeroedInFloat32()
              + (m.zeroedInFloat32() == 1
                  ? " nonzero value is too small for float32 and is read as 0"
                  : " nonzero values are too small for float32 and are read as 0"));
    }
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        float value = m.get(i, j);
        if (!Float.isFinite(value)) {
          throw new BadInputException(
              option
                  + " "
                  + file
                  + ": "
                  + value
                  + " at ["
                  + i
                  + ", "
                  + j
                  + "] (expected finite numbers)");
        }
      }
    }
    if (m.rows() == 0 || m.cols() == 0) {
      throw new BadInputException(
          option
              + " "
              + file
              + ": shape ("
              + m.rows()
              + ", "
              + m.cols()
              + ") is empty (expected at least one row and one column)");
    }
    return m;
  }
}
