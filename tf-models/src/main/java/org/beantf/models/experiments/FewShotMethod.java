package org.beantf.models.experiments;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;

/**
 * The rows of Table 1 that we run: LeNet-5 alone or with one regularizer, and two classical
 * classifiers on raw pixels that need no network.
 *
 * <p>Hyper-parameter grids (at most 3 values, chosen per dataset, shots and method on the strict
 * protocol's tuning draws), around the LeNet-5 defaults of {@code ModelDefaults} (paper
 * normalisation for BEAN): dropout p ∈ {0.25, 0.5, 0.75}; weight decay λ ∈ {1e-4, 1e-3, 1e-2}; ℓ1 λ
 * ∈ {1e-5, 1e-4, 1e-3}; BEAN-1 α ∈ {1e2, 1e3, 1e4}; BEAN-2 α ∈ {1e3, 1e4, 1e5} (one decade lower
 * than the default at the top: 1e5 cost MNIST 20-shot 25 points in a first trial). The authors'
 * protocol uses their values, BEAN without normalisation: BEAN-1 α = 3 (the only BEAN-1 value they
 * give, for full data: their 10-shot α = 100 made BEAN-1 lose 15-20 points here) and BEAN-2 α = 100
 * (their 10-shot example); dropout 0.5; weight decay and ℓ1 keep the defaults' middle. Kernel
 * ridge's λ = 1e-3 is fixed by the issue.
 */
public enum FewShotMethod {
  VANILLA("vanilla", "LeNet-5", "none", null, null),
  DROPOUT("dropout", "+ dropout", "dropout", "p", "dropout"),
  L2("l2", "+ weight decay", "l2", "lambda", "l2"),
  L1("l1", "+ ℓ1", "l1", "lambda", "l1"),
  BEAN1("bean1", "+ BEAN-1", "bean1", "alpha", "alpha"),
  BEAN2("bean2", "+ BEAN-2", "bean2", "alpha", "alpha"),
  KNN("knn", "1-nearest neighbour (pixels)", null, null, null),
  KERNEL_RIDGE("kernel-ridge", "RBF kernel ridge (pixels)", null, "lambda", null);

  /** Kernel ridge's ridge λ, added to the kernel matrix's diagonal. */
  public static final double KERNEL_RIDGE_LAMBDA = 1e-3;

  private final String cliName;
  private final String label;
  private final String regularizer;
  private final String parameter;
  private final String setting;

  /**
   * @param regularizer the regularizer LeNet-5 trains with, as {@code --reg} names it; null for a
   *     pixel classifier
   * @param parameter the grid's hyper-parameter (as the store records it), or null
   * @param setting the regularizer setting the hyper-parameter is, or null
   */
  FewShotMethod(
      String cliName, String label, String regularizer, String parameter, String setting) {
    this.cliName = cliName;
    this.label = label;
    this.regularizer = regularizer;
    this.parameter = parameter;
    this.setting = setting;
  }

  public String cliName() {
    return cliName;
  }

  /** The row label of the table. */
  public String label() {
    return label;
  }

  /** Whether this method trains LeNet-5 (otherwise it classifies raw pixels directly). */
  public boolean isNetwork() {
    return regularizer != null;
  }

  /** The regularizer LeNet-5 trains with, as {@code --reg} names it ("none" for vanilla). */
  public String regularizer() {
    return regularizer;
  }

  /** The grid's hyper-parameter ("alpha", "p", "lambda"), or null without one. */
  public String parameter() {
    return parameter;
  }

  /**
   * The regularizer setting the grid's hyper-parameter sets ("alpha", "dropout", "l2"), or null.
   */
  public String setting() {
    return setting;
  }

  /**
   * The settings tried (strict) or used (authors), in the order ties are broken: the first best
   * wins.
   */
  public List<Hyperparameters> grid(FewShotProtocol protocol) {
    boolean strict = protocol == FewShotProtocol.STRICT;
    return switch (this) {
      case VANILLA, KNN -> List.of(Hyperparameters.NONE);
      case DROPOUT -> strict ? values(0.25, 0.5, 0.75) : values(0.5);
      case L2 -> strict ? values(1e-4, 1e-3, 1e-2) : values(1e-3);
      case L1 -> strict ? values(1e-5, 1e-4, 1e-3) : values(1e-4);
      case BEAN1 -> strict ? values(1e2, 1e3, 1e4) : values(3);
      case BEAN2 -> strict ? values(1e3, 1e4, 1e5) : values(100);
      case KERNEL_RIDGE -> values(KERNEL_RIDGE_LAMBDA);
    };
  }

  private List<Hyperparameters> values(double... values) {
    return Arrays.stream(values).mapToObj(v -> Hyperparameters.of(parameter, v)).toList();
  }

  /**
   * Parses a comma list of method names, keeping the order of this enum (the table's order).
   *
   * @throws BadInputException for an unknown name
   */
  public static List<FewShotMethod> parseList(String list) {
    List<String> names =
        Arrays.stream(list.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
    for (String name : names) {
      if (Arrays.stream(values()).noneMatch(m -> m.cliName.equals(name))) {
        throw new InvalidSettingException(
            "methods",
            list,
            "unknown method '"
                + name
                + "' (expected a comma list of "
                + Arrays.stream(values())
                    .map(FewShotMethod::cliName)
                    .collect(Collectors.joining(", "))
                + ")");
      }
    }
    return Arrays.stream(values()).filter(m -> names.contains(m.cliName)).toList();
  }

  public static FewShotMethod parse(String name) {
    return parseList(name).get(0);
  }
}
