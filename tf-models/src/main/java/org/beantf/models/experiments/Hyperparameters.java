package org.beantf.models.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The hyper-parameters of one few-shot method setting, by name ("alpha", "p", "lambda"), in a fixed
 * order. Empty for a method without any.
 */
public record Hyperparameters(Map<String, Double> values) {
  public static final Hyperparameters NONE = new Hyperparameters(Map.of());

  public Hyperparameters {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** One named value. */
  public static Hyperparameters of(String name, double value) {
    return new Hyperparameters(Map.of(name, value));
  }

  public double get(String name) {
    Double value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no hyper-parameter " + name + " in " + this);
    }
    return value;
  }

  /** As written in results.jsonl: {"alpha":1000.0}. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    values.forEach(node::put);
    return node;
  }

  public static Hyperparameters fromJson(JsonNode node) {
    Map<String, Double> values = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
    return new Hyperparameters(values);
  }

  /** "alpha=1000", "lambda=1e-4" or "" (for tables and progress lines). */
  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + format(e.getValue()))
        .collect(Collectors.joining(" "));
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e7
        ? Long.toString((long) value)
        : Double.toString(value).replace(".0E", "E").replace('E', 'e');
  }
}
