package org.beantf.models.regularizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.Architecture;

/**
 * The regularizers a project knows, in the order their penalties are summed and config.json lists
 * them, and the regularizers of one run resolved from {@code --reg} and the settings given.
 */
public final class Regularizers {
  /** The registered types. Adding a regularizer adds one line here (or calls {@link #register}). */
  private static final List<RegularizerType> TYPES =
      new CopyOnWriteArrayList<>(
          List.of(
              BeanRegularization.TYPE,
              DropoutRegularization.TYPE,
              WeightDecay.TYPE,
              L1Penalty.TYPE));

  private Regularizers() {}

  /**
   * A run's regularizers: the active ones (what {@code --reg} named), and every registered type's
   * settings as given or defaulted (what config.json records, so that a run's settings are all in
   * one place).
   *
   * @param active the regularizers named, in registry order
   * @param settings one regularizer per registered type: the active one, or the type's default with
   *     the settings given
   */
  public record Resolved(List<Regularizer> active, List<Regularizer> settings) {
    public Resolved {
      active = List.copyOf(active);
      settings = List.copyOf(settings);
    }

    /** config.json's "reg" list and the settings of every type, into {@code json}. */
    public void writeJson(ObjectNode json, Architecture model) {
      ArrayNode ids = json.putArray("reg");
      active.forEach(r -> ids.add(r.id()));
      settings.forEach(r -> r.writeSettings(json, model));
    }
  }

  /**
   * Registers {@code type} after the others (for a regularizer outside this project).
   *
   * @throws IllegalArgumentException if one of its ids is taken
   */
  public static synchronized void register(RegularizerType type) {
    for (String id : type.ids()) {
      if (typeOf(id) != null || id.equals("none") || id.equals("vanilla")) {
        throw new IllegalArgumentException("regularizer id '" + id + "' is taken");
      }
    }
    TYPES.add(type);
  }

  /** Removes {@code type} (for tests that register their own). */
  static void unregister(RegularizerType type) {
    TYPES.remove(type);
  }

  /** The registered types, in order. */
  public static List<RegularizerType> types() {
    return List.copyOf(TYPES);
  }

  /** Every id {@code --reg} takes, "none" and its alias "vanilla" first. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>(List.of("none", "vanilla"));
    TYPES.forEach(t -> ids.addAll(t.ids()));
    return ids;
  }

  /**
   * The regularizers of a run of {@code model}: those named in {@code list} ("bean2,dropout";
   * "none" or "vanilla" for none), each type's settings from {@code given} or its defaults.
   *
   * @throws InvalidSettingException for an unknown name, "none" with another, two names of one
   *     type, or a setting that is not valid
   */
  public static Resolved resolve(String list, Architecture model, Settings given) {
    Set<String> names = new LinkedHashSet<>();
    for (String item : list.split(",")) {
      String name = item.strip().toLowerCase(Locale.ROOT);
      if (!ids().contains(name)) {
        throw new InvalidSettingException(
            "reg",
            list,
            "unknown regularizer '"
                + item.strip()
                + "' (expected a comma "
                + "list of "
                + String.join(", ", ids())
                + ")");
      }
      names.add(name.equals("vanilla") ? "none" : name);
    }
    if (names.contains("none") && names.size() > 1) {
      throw new InvalidSettingException(
          "reg", list, "none (vanilla) cannot be combined with other regularizers");
    }
    names.remove("none");
    List<String> known = TYPES.stream().flatMap(t -> t.parameters().stream()).toList();
    for (String parameter : given.parameters()) {
      if (!known.contains(parameter)) {
        throw new InvalidSettingException(
            "reg-option",
            parameter,
            "no registered regularizer takes this setting (expected one of "
                + String.join(", ", known)
                + ")");
      }
    }
    List<Regularizer> active = new ArrayList<>();
    List<Regularizer> settings = new ArrayList<>();
    for (RegularizerType type : TYPES) {
      List<String> named = type.ids().stream().filter(names::contains).toList();
      if (named.size() > 1) {
        throw new InvalidSettingException(
            "reg", list, "choose one of " + String.join(" and ", named));
      }
      Regularizer regularizer =
          type.create(named.isEmpty() ? type.ids().get(0) : named.get(0), model, given);
      settings.add(regularizer);
      if (!named.isEmpty()) {
        active.add(regularizer);
      }
    }
    return new Resolved(active, settings);
  }

  /**
   * The regularizers config.json's flat object records (the inverse of {@link Resolved#writeJson}).
   *
   * @throws InvalidSettingException if a name or a setting is not valid
   */
  public static Resolved fromJson(JsonNode json, Architecture model) {
    List<String> names = new ArrayList<>();
    json.path("reg").forEach(r -> names.add(r.asText()));
    List<Regularizer> active = new ArrayList<>();
    List<Regularizer> settings = new ArrayList<>();
    for (RegularizerType type : TYPES) {
      List<String> both = type.ids().stream().filter(names::contains).toList();
      if (both.size() > 1) {
        throw new InvalidSettingException(
            "reg", String.join(",", names), "choose one of " + String.join(" and ", both));
      }
      String named = both.isEmpty() ? null : both.get(0);
      Regularizer regularizer =
          type.fromJson(named == null ? type.ids().get(0) : named, model, json);
      settings.add(regularizer);
      if (named != null) {
        active.add(regularizer);
      }
    }
    for (String name : names) {
      if (typeOf(name) == null) {
        throw new InvalidSettingException(
            "reg", String.join(",", names), "unknown regularizer '" + name + "'");
      }
    }
    return new Resolved(active, settings);
  }

  private static RegularizerType typeOf(String id) {
    return TYPES.stream().filter(t -> t.ids().contains(id)).findFirst().orElse(null);
  }
}
