package org.beantf.models.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beantf.data.BadInputException;
import org.beantf.data.DatasetId;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.ModelKind;
import org.beantf.models.nn.WeightInit;
import org.beantf.models.train.TrainConfig;

/**
 * What a few-shot grid changes from its protocol's defaults (issue 18, item 6): the layers' initial
 * weights, the authors' protocol's epochs, a method's grid of settings, and where a setting is
 * chosen. settings.json records each only where it differs from the default, so a store made before
 * these options existed opens unchanged.
 *
 * @param init how LeNet-5's dense and convolution layers draw their initial weights
 * @param epochs the authors' protocol's epochs at every number of shots, or null for theirs (200 at
 *     1 shot, 100 above)
 * @param grids settings of a method in place of its protocol's grid ({@code --grid}); a method
 *     absent keeps its own
 * @param perDraw each reported draw's setting is the one whose network, trained on that draw, has
 *     the best validation accuracy (the first of ties in grid order): every setting is trained on
 *     every draw. Otherwise a grid of more than one setting is chosen once per cell on tuning draws
 *     (strict protocol only).
 */
public record FewShotOptions(
    WeightInit init,
    Integer epochs,
    Map<FewShotMethod, List<Hyperparameters>> grids,
    boolean perDraw) {
  public static final FewShotOptions DEFAULTS =
      new FewShotOptions(WeightInit.GLOROT, null, Map.of(), false);

  /** The most epochs {@code --epochs} takes (the authors' grid runs 200). */
  public static final int MAX_EPOCHS = 10_000;

  public FewShotOptions {
    grids = grids.isEmpty() ? Map.of() : new EnumMap<>(grids);
  }

  /** The settings {@code method} runs with under {@code protocol}, in tie-breaking order. */
  public List<Hyperparameters> grid(FewShotMethod method, FewShotProtocol protocol) {
    return grids.getOrDefault(method, method.grid(protocol));
  }

  /** Whether each reported draw of {@code method} trains every setting of its grid. */
  public boolean choosesPerDraw(FewShotMethod method, FewShotProtocol protocol) {
    return perDraw && grid(method, protocol).size() > 1;
  }

  /**
   * Checks the options against {@code protocol}, before any data or TensorFlow.
   *
   * @param methods the methods the grid runs
   * @throws BadInputException naming the flag: {@code --epochs} under the strict protocol (it has
   *     {@code --steps}), a grid of several settings under the authors' protocol without {@code
   *     --select-per-draw} (it has no tuning draws), a grid of a method not run, or {@code
   *     --select-per-draw} with nothing to choose
   */
  public void check(FewShotProtocol protocol, List<FewShotMethod> methods) {
    for (FewShotMethod method : grids.keySet()) {
      if (!methods.contains(method)) {
        throw new BadInputException(
            "--grid "
                + method.cliName()
                + ": "
                + method.cliName()
                + " is not in --methods (expected a grid for a method the grid runs)");
      }
    }
    if (perDraw && methods.stream().noneMatch(m -> grid(m, protocol).size() > 1)) {
      throw new BadInputException(
          "--select-per-draw: no method has more than one setting to choose among (expected a"
              + " --grid with several values)");
    }
    if (epochs != null && protocol == FewShotProtocol.STRICT) {
      throw new BadInputException(
          "--epochs "
              + epochs
              + ": the strict protocol trains full-batch for --steps (expected --protocol authors,"
              + " or --steps)");
    }
    if (protocol == FewShotProtocol.AUTHORS && !perDraw) {
      grids.forEach(
          (method, values) -> {
            if (values.size() > 1) {
              throw new BadInputException(
                  "--grid "
                      + method.cliName()
                      + ": the authors' protocol has no tuning draws to choose among "
                      + values.size()
                      + " settings (expected one value, or --select-per-draw)");
            }
          });
    }
  }

  /**
   * Parses {@code --grid METHOD=V[,V...]}: a network method with a hyper-parameter and the values
   * it tries, each checked as {@code bean train} checks that setting.
   *
   * @throws BadInputException for another method, a value that is not a number, a repeated value or
   *     one {@code bean train} refuses
   */
  public static Map<FewShotMethod, List<Hyperparameters>> parseGrids(List<String> specs) {
    Map<FewShotMethod, List<Hyperparameters>> grids = new EnumMap<>(FewShotMethod.class);
    for (String spec : specs) {
      int equals = spec.indexOf('=');
      String name = equals < 0 ? spec : spec.substring(0, equals).strip();
      FewShotMethod method = null;
      for (FewShotMethod m : FewShotMethod.values()) {
        if (m.cliName().equals(name.toLowerCase(Locale.ROOT))) {
          method = m;
        }
      }
      if (equals < 0 || method == null || !method.isNetwork() || method.parameter() == null) {
        throw new BadInputException(
            "--grid "
                + spec
                + ": expected METHOD=V[,V...] with METHOD one of dropout, l2, l1, bean1, bean2");
      }
      if (grids.containsKey(method)) {
        throw new BadInputException(
            "--grid " + spec + ": " + method.cliName() + "'s grid is given twice");
      }
      List<Hyperparameters> values = new ArrayList<>();
      for (String item : spec.substring(equals + 1).split(",", -1)) {
        double value = number(spec, item.strip());
        try {
          TrainConfig.builder(ModelKind.LENET5, DatasetId.MNIST)
              .regularizers(method.regularizer())
              .set(method.setting(), value)
              .build();
        } catch (InvalidSettingException e) {
          throw new BadInputException("--grid " + spec + ": " + e.getMessage(), e);
        }
        Hyperparameters setting = Hyperparameters.of(method.parameter(), value);
        if (values.contains(setting)) {
          throw new BadInputException("--grid " + spec + ": " + item.strip() + " is given twice");
        }
        values.add(setting);
      }
      grids.put(method, values);
    }
    return grids;
  }

  /**
   * A decimal number as written ("0.3", "1e-4"): no NaN, infinity, hexadecimal or type suffix; -0
   * is 0.
   */
  private static double number(String spec, String item) {
    BigDecimal exact;
    try {
      exact = new BigDecimal(item);
    } catch (NumberFormatException e) {
      throw new BadInputException("--grid " + spec + ": '" + item + "' is not a number");
    }
    double value = exact.doubleValue();
    if (Double.isInfinite(value) || (value == 0 && exact.signum() != 0)) {
      throw new BadInputException(
          "--grid " + spec + ": " + item + " is out of range (expected a double-precision number)");
    }
    return value + 0.0; // -0.0 + 0.0 is 0.0
  }

  /**
   * These options without the grids that equal {@code protocol}'s own, so one grid has one spelling
   * in settings.json and in the table.
   */
  public FewShotOptions canonical(FewShotProtocol protocol) {
    Map<FewShotMethod, List<Hyperparameters>> own = new EnumMap<>(FewShotMethod.class);
    grids.forEach(
        (method, grid) -> {
          if (!grid.equals(method.grid(protocol))) {
            own.put(method, grid);
          }
        });
    return new FewShotOptions(init, epochs, own, perDraw);
  }

  /**
   * Adds the options that differ from the defaults to {@code settings} (grids are written whole).
   */
  void write(ObjectNode settings) {
    if (init != WeightInit.GLOROT) {
      settings.put("init", init.cliName());
    }
    if (epochs != null) {
      settings.put("epochs_1_shot", epochs).put("epochs", epochs);
    }
    if (perDraw) {
      settings.put("selection", "per-draw");
    }
  }

  /**
   * The options a store's settings.json records (as {@link FewShotGrid#settings} writes them).
   *
   * @throws BadInputException for an initialisation or selection it does not know
   */
  public static FewShotOptions fromSettings(JsonNode settings, FewShotProtocol protocol) {
    String name = settings.path("init").asText("glorot");
    WeightInit init =
        WeightInit.named(name)
            .orElseThrow(
                () -> new BadInputException("init \"" + name + "\" (expected glorot or pytorch)"));
    Integer epochs = null;
    int oneShot = settings.path("epochs_1_shot").asInt(FewShotProtocol.AUTHORS_EPOCHS_1_SHOT);
    int more = settings.path("epochs").asInt(FewShotProtocol.AUTHORS_EPOCHS);
    if (oneShot != FewShotProtocol.AUTHORS_EPOCHS_1_SHOT
        || more != FewShotProtocol.AUTHORS_EPOCHS) {
      if (oneShot != more || more < 1 || more > MAX_EPOCHS) {
        throw new BadInputException(
            "epochs_1_shot "
                + oneShot
                + " and epochs "
                + more
                + " (expected the authors' 200 and 100, or one number of epochs from 1 to "
                + MAX_EPOCHS
                + " for both)");
      }
      epochs = more;
    }
    String selection = settings.path("selection").asText("");
    if (!selection.isEmpty() && !selection.equals("per-draw")) {
      throw new BadInputException("selection \"" + selection + "\" (expected per-draw or none)");
    }
    Map<FewShotMethod, List<Hyperparameters>> grids = new EnumMap<>(FewShotMethod.class);
    for (FewShotMethod method : FewShotMethod.values()) {
      JsonNode values = settings.path("grid").path(method.cliName());
      if (values instanceof ArrayNode array) {
        List<Hyperparameters> grid = new ArrayList<>();
        array.forEach(v -> grid.add(Hyperparameters.fromJson(v)));
        if (!grid.equals(method.grid(protocol))) {
          grids.put(method, grid);
        }
      }
    }
    return new FewShotOptions(init, epochs, grids, !selection.isEmpty());
  }
}
