package org.beantf.models.experiments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;

/**
 * Runs a few-shot grid into a {@link FewShotStore}: (dataset, shots) blocks in the order of the
 * shots, then of the datasets, so the cheap blocks complete first; within a block, method by
 * method, the hyper-parameters chosen first (strict protocol) and then every reported draw. Lines
 * already in the store are skipped, so a killed grid rerun with the same arguments ends with the
 * same store and table. A plan with a {@link FewShotShard} runs only the shard's cells.
 */
public final class FewShotGrid {
  /** Tuning draws per (dataset, shots, method) in the strict protocol. */
  public static final int TUNING_DRAWS = 3;

  /** What the grid reports as it goes. */
  public interface Listener {
    /** The work the grid has left, in the units of {@link #finished}. */
    void planned(long work);

    /** A run of {@code work} units ended; {@code line} says which and how it did. */
    void finished(long work, String line);
  }

  /**
   * A cell of the table: one method on one dataset at one number of shots. Its lines are the
   * reported draws and, in the strict protocol, the tuning runs that choose the setting they share.
   */
  public record Cell(DatasetId dataset, int shots, FewShotMethod method) {
    @Override
    public String toString() {
      return dataset.cliName() + " " + shots + "-shot " + method.cliName();
    }
  }

  /**
   * What to run.
   *
   * @param steps full-batch steps of the strict protocol (a multiple of {@link
   *     FewShotProtocol#VALIDATE_EVERY})
   * @param shard the part of the grid to run, or null for all of it
   * @param options what the grid changes from the protocol's defaults
   */
  public record Plan(
      FewShotProtocol protocol,
      List<DatasetId> datasets,
      List<Integer> shots,
      List<Integer> draws,
      List<FewShotMethod> methods,
      int steps,
      FewShotShard shard,
      FewShotOptions options) {

    /** A plan with the protocol's defaults. */
    public Plan(
        FewShotProtocol protocol,
        List<DatasetId> datasets,
        List<Integer> shots,
        List<Integer> draws,
        List<FewShotMethod> methods,
        int steps,
        FewShotShard shard) {
      this(protocol, datasets, shots, draws, methods, steps, shard, FewShotOptions.DEFAULTS);
    }

    /**
     * The grid's cells in its canonical order, whatever the order of the lists: datasets as {@link
     * DatasetId} declares them, shots ascending, methods in the table's order.
     */
    public List<Cell> cells() {
      List<Cell> cells = new ArrayList<>();
      for (DatasetId dataset : datasets.stream().sorted().toList()) {
        for (int k : shots.stream().sorted().toList()) {
          for (FewShotMethod method : methods.stream().sorted().toList()) {
            cells.add(new Cell(dataset, k, method));
          }
        }
      }
      return cells;
    }

    /**
     * The estimated cost of {@code cell}: its runs (the reported draws and any tuning runs) in the
     * units of {@link Listener#finished}.
     */
    public long cost(Cell cell) {
      int settings = options.grid(cell.method(), protocol).size();
      int runs =
          options.choosesPerDraw(cell.method(), protocol)
              ? draws.size() * settings
              : draws.size() + (settings > 1 ? settings * TUNING_DRAWS : 0);
      return runs * work(cell.shots(), cell.method());
    }
  }

  private final Plan plan;
  private final FewShotStore store;
  private final Function<DatasetId, Dataset> datasets;
  private final FewShotRunner runner;
  private final Listener listener;
  private final Set<Cell> cells;
  private final Set<FewShotResult.Key> done = new HashSet<>();
  private final Map<TuningResult.Key, TuningResult> tuned = new HashMap<>();

  public FewShotGrid(
      Plan plan,
      FewShotStore store,
      Function<DatasetId, Dataset> datasets,
      int threads,
      Listener listener) {
    this.plan = plan;
    this.store = store;
    this.datasets = datasets;
    this.runner = new FewShotRunner(plan.protocol(), plan.steps(), plan.options(), threads);
    this.listener = listener;
    this.cells = new HashSet<>(plan.shard() == null ? plan.cells() : plan.shard().cells(plan));
    store.results().forEach(r -> done.add(r.key()));
    store.tuning().forEach(t -> tuned.put(t.key(), t));
  }

  /** The settings a store is made with under the protocol's defaults. */
  public static ObjectNode settings(FewShotProtocol protocol, int steps) {
    return settings(protocol, steps, FewShotOptions.DEFAULTS);
  }

  /** The settings a store is made with: later runs into it must have the same. */
  public static ObjectNode settings(FewShotProtocol protocol, int steps, FewShotOptions options) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode settings =
        json.objectNode()
            .put("protocol", protocol.cliName())
            .put("model", "lenet5")
            .put("learning_rate", FewShotProtocol.LEARNING_RATE)
            .put("normalization", protocol.normalization().name().toLowerCase(Locale.ROOT));
    if (protocol == FewShotProtocol.STRICT) {
      settings
          .put("steps", steps)
          .put("validate_every", FewShotProtocol.VALIDATE_EVERY)
          .put("validation_per_class", FewShotProtocol.STRICT_VALIDATION_PER_CLASS)
          .put("tuning_draws", TUNING_DRAWS);
    } else {
      settings
          .put("batch", FewShotProtocol.AUTHORS_BATCH)
          .put("epochs_1_shot", FewShotProtocol.AUTHORS_EPOCHS_1_SHOT)
          .put("epochs", FewShotProtocol.AUTHORS_EPOCHS)
          .put("shot_range", FewShotProtocol.AUTHORS_SHOT_RANGE)
          .put("validation", FewShotProtocol.AUTHORS_VALIDATION);
    }
    options.write(settings);
    ObjectNode grid = settings.putObject("grid");
    for (FewShotMethod method : FewShotMethod.values()) {
      ArrayNode values = grid.putArray(method.cliName());
      options.grid(method, protocol).forEach(h -> values.add(h.toJson()));
    }
    return settings;
  }

  /** Runs every missing line of the plan, rewriting table.md after each method of a block. */
  public void run() {
    listener.planned(remainingWork());
    for (int shots : plan.shots()) {
      for (DatasetId id : plan.datasets()) {
        Dataset dataset = datasets.apply(id);
        for (FewShotMethod method : plan.methods()) {
          if (!cells.contains(new Cell(id, shots, method))) {
            continue;
          }
          boolean perDraw = plan.options().choosesPerDraw(method, plan.protocol());
          Hyperparameters chosen = perDraw ? null : choose(dataset, shots, method);
          for (int draw : plan.draws()) {
            FewShotResult.Key key =
                new FewShotResult.Key(id.cliName(), shots, method.cliName(), draw);
            if (done.add(key)) {
              FewShotResult result =
                  perDraw
                      ? chooseOnDraw(dataset, shots, method, draw)
                      : runner.reported(dataset, shots, method, chosen, draw);
              store.append(result);
              listener.finished(
                  work(shots, method),
                  String.format(
                      Locale.ROOT,
                      "%s %d-shot %s draw %d: test %.4f",
                      id,
                      shots,
                      method.cliName(),
                      draw,
                      result.testAccuracy()));
            }
          }
          writeTable();
        }
      }
    }
    writeTable();
  }

  private void writeTable() {
    store.writeTable(
        FewShotTable.render(
            plan.protocol(),
            plan.steps(),
            plan.options(),
            store.results(),
            plan.shard() == null ? "" : plan.shard().describe(plan)));
  }

  /**
   * The setting of {@code method} with the best mean validation accuracy over the tuning draws (the
   * first of ties).
   */
  private Hyperparameters choose(Dataset dataset, int shots, FewShotMethod method) {
    List<Hyperparameters> grid = plan.options().grid(method, plan.protocol());
    if (grid.size() == 1) {
      return grid.get(0);
    }
    Hyperparameters best = null;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (Hyperparameters setting : grid) {
      double sum = 0;
      for (int t = 0; t < TUNING_DRAWS; t++) {
        int draw = t;
        sum +=
            once(
                    dataset,
                    shots,
                    method,
                    setting,
                    t,
                    "tuning draw",
                    () -> runner.tuning(dataset, shots, method, setting, draw))
                .validationAccuracy();
      }
      if (sum / TUNING_DRAWS > bestMean) {
        bestMean = sum / TUNING_DRAWS;
        best = setting;
      }
    }
    return best;
  }

  /**
   * Reported draw {@code draw} under per-draw selection: every setting of the grid trained on the
   * draw (each a line of tuning.jsonl, so a killed grid keeps them), and the one with the best
   * validation accuracy (the first of ties) reported with its test accuracy. Its seconds are the
   * draw's, all settings together.
   */
  private FewShotResult chooseOnDraw(Dataset dataset, int shots, FewShotMethod method, int draw) {
    TuningResult best = null;
    double seconds = 0;
    for (Hyperparameters setting : plan.options().grid(method, plan.protocol())) {
      TuningResult candidate =
          once(
              dataset,
              shots,
              method,
              setting,
              draw,
              "draw",
              () -> runner.candidate(dataset, shots, method, setting, draw));
      seconds += candidate.seconds();
      if (best == null || candidate.validationAccuracy() > best.validationAccuracy()) {
        best = candidate;
      }
    }
    return new FewShotResult(
        best.dataset(),
        shots,
        method.cliName(),
        draw,
        plan.protocol().cliName(),
        best.hyperparameters(),
        best.validationAccuracy(),
        best.testAccuracy(),
        best.steps(),
        seconds);
  }

  /**
   * The line of tuning.jsonl for {@code setting} on draw {@code draw} (a tuning draw, or a reported
   * one under per-draw selection): from the store, or trained by {@code run} now, stored and
   * reported as "{@code what} {@code draw}: validation …".
   */
  private TuningResult once(
      Dataset dataset,
      int shots,
      FewShotMethod method,
      Hyperparameters setting,
      int draw,
      String what,
      Supplier<TuningResult> run) {
    TuningResult.Key key =
        new TuningResult.Key(dataset.info().name(), shots, method.cliName(), setting, draw);
    TuningResult result = tuned.get(key);
    if (result == null) {
      result = run.get();
      store.append(result);
      tuned.put(key, result);
      listener.finished(
          work(shots, method),
          String.format(
              Locale.ROOT,
              "%s %d-shot %s %s %s %d: validation %.4f",
              dataset.info().source().builtin(),
              shots,
              method.cliName(),
              setting,
              what,
              draw,
              result.validationAccuracy()));
    }
    return result;
  }

  private long remainingWork() {
    long work = 0;
    for (int shots : plan.shots()) {
      for (DatasetId id : plan.datasets()) {
        for (FewShotMethod method : plan.methods()) {
          if (!cells.contains(new Cell(id, shots, method))) {
            continue;
          }
          List<Hyperparameters> grid = plan.options().grid(method, plan.protocol());
          boolean perDraw = plan.options().choosesPerDraw(method, plan.protocol());
          for (int t = 0; grid.size() > 1 && !perDraw && t < TUNING_DRAWS; t++) {
            work += missingSettings(id, shots, method, grid, t);
          }
          for (int draw : plan.draws()) {
            if (!done.contains(
                new FewShotResult.Key(id.cliName(), shots, method.cliName(), draw))) {
              work +=
                  perDraw ? missingSettings(id, shots, method, grid, draw) : work(shots, method);
            }
          }
        }
      }
    }
    return work;
  }

  /**
   * The work of the settings of {@code grid} not yet run on tuning (or per-draw) draw {@code t}.
   */
  private long missingSettings(
      DatasetId id, int shots, FewShotMethod method, List<Hyperparameters> grid, int t) {
    return grid.stream()
            .filter(
                setting ->
                    !tuned.containsKey(
                        new TuningResult.Key(id.cliName(), shots, method.cliName(), setting, t)))
            .count()
        * work(shots, method);
  }

  /**
   * A run's cost in rough units: a network's grows with the images per step, plus the fixed test
   * evaluation.
   */
  static long work(int shots, FewShotMethod method) {
    return method.isNetwork() ? 10L * shots + 20 : 1;
  }
}
