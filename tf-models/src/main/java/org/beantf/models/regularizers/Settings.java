package org.beantf.models.regularizers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.beantf.data.InvalidSettingException;

/**
 * Settings given for the regularizers of a run, by parameter name (the command line's option
 * without dashes): what the user set; a regularizer takes its model's default for the rest.
 */
public final class Settings {
  private final Map<String, Object> values;

  private Settings(Map<String, Object> values) {
    this.values = values;
  }

  /** No settings: every regularizer takes its defaults. */
  public static Settings none() {
    return new Settings(Map.of());
  }

  /** The settings {@code values} (numbers, text, lists of text), by parameter name. */
  public static Settings of(Map<String, ?> values) {
    return new Settings(Map.copyOf(values));
  }

  /** These settings with {@code parameter} set to {@code value}. */
  public Settings with(String parameter, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(values);
    more.put(parameter, value);
    return new Settings(more);
  }

  /** The parameters given. */
  public Set<String> parameters() {
    return values.keySet();
  }

  /**
   * The number given for {@code parameter}, or {@code fallback}.
   *
   * @throws InvalidSettingException if the value given is not a number
   */
  public double number(String parameter, double fallback) {
    Object value = values.get(parameter);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(parameter, value, "expected a number");
    }
  }

  /**
   * The constant of {@code type} named (case-insensitively) for {@code parameter}, or {@code
   * fallback}.
   *
   * @throws InvalidSettingException for a name that is none of the constants
   */
  public <E extends Enum<E>> E choice(String parameter, Class<E> type, E fallback) {
    Object value = values.get(parameter);
    if (value == null) {
      return fallback;
    }
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.toString().strip())) {
        return constant;
      }
    }
    throw new InvalidSettingException(
        parameter,
        value,
        "expected one of "
            + String.join(
                ", ",
                Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList()));
  }

  /** The list given for {@code parameter} (a list, or comma-separated text), or an empty list. */
  public List<String> list(String parameter) {
    Object value = values.get(parameter);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    return Arrays.stream(value.toString().split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
