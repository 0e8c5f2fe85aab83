package org.beantf.models;

import java.util.List;
import org.beantf.data.BadInputException;

/** The models by command-line name. */
public final class Models {
  /** The names {@link #create} knows. */
  public static final List<String> NAMES = List.of("mlp", "lenet5", "resnet18");

  private Models() {}

  /**
   * The model named {@code id}, with dropout at {@code dropoutRate} on its dense hidden layers (0 for none).
   *
   * @throws BadInputException for an unknown name
   */
  public static Model create(String id, double dropoutRate) {
    return switch (id) {
      case "mlp" -> new Mlp(dropoutRate);
      case "lenet5" -> new LeNet5(dropoutRate);
      case "resnet18" -> new ResNet18(dropoutRate);
      default -> throw new BadInputException("--model " + id + ": unknown model (expected one of "
          + String.join(", ", NAMES) + ")");
    };
  }
}
