package org.beantf.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A setting of a run that is not valid: the one place a setting is checked throws this, naming the
 * parameter(s) (in the command line's spelling without the dashes: "model", "alpha", "val-split"),
 * the value(s) and what was expected. The command line prints it as {@code --<parameter> <value>:
 * <problem>} and exits with code 2; the message itself reads {@code <parameter> <value>:
 * <problem>}, for callers of the library.
 */
public class InvalidSettingException extends BadInputException {
  private static final long serialVersionUID = 1L;

  private final List<String> parameters;
  private final List<String> values;
  private final String problem;

  /**
   * @param parameter the setting, as the command line's option without its dashes
   * @param value the value given
   * @param problem what is wrong and what was expected, for example "expected a finite number >= 0"
   */
  public InvalidSettingException(String parameter, Object value, String problem) {
    this(List.of(parameter), List.of(String.valueOf(value)), problem);
  }

  /**
   * As {@link #InvalidSettingException(String, Object, String)}, caused by {@code cause} (the OS's
   * reason).
   */
  public InvalidSettingException(String parameter, Object value, String problem, Throwable cause) {
    this(List.of(parameter), List.of(String.valueOf(value)), problem);
    initCause(cause);
  }

  private InvalidSettingException(List<String> parameters, List<String> values, String problem) {
    super(render(parameters, values, problem, p -> p));
    this.parameters = parameters;
    this.values = values;
    this.problem = problem;
  }

  /**
   * Two settings that do not go together, such as a model and a dataset whose images it cannot
   * take.
   */
  public static InvalidSettingException of(
      String problem, String parameter, Object value, String otherParameter, Object otherValue) {
    return new InvalidSettingException(
        List.of(parameter, otherParameter),
        List.of(String.valueOf(value), String.valueOf(otherValue)),
        problem);
  }

  /** The first setting named, as the command line's option without its dashes. */
  public String parameter() {
    return parameters.get(0);
  }

  /**
   * The message with each parameter spelt by {@code name} (for the command line, "--" + parameter;
   * a spelling that ends in '=' is followed by the value directly).
   */
  public String messageFor(UnaryOperator<String> name) {
    return render(parameters, values, problem, name);
  }

  private static String render(
      List<String> parameters, List<String> values, String problem, UnaryOperator<String> name) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      String spelt = name.apply(parameters.get(i));
      // a name ending in '=' takes its value without a space ("--reg-option NAME=VALUE")
      parts.add(spelt + (spelt.endsWith("=") ? "" : " ") + values.get(i));
    }
    return String.join(" ", parts) + ": " + problem;
  }
}
