package org.beantf.models.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.beantf.data.BadInputException;
import org.beantf.data.DatasetId;
import org.beantf.data.InvalidSettingException;

/**
 * Shard {@code index} of {@code count} of a few-shot grid ({@code --shard K/N}, K from 0): a
 * deterministic part of the grid's cells, so that N processes (the tasks of a batch scheduler's job
 * array) fill N stores that {@link FewShotMerge} joins into the table of one run.
 *
 * <p>A shard runs whole cells ({@link FewShotGrid.Cell}: a method on a dataset at k shots, with its
 * reported draws and the tuning runs that choose the one setting those draws share). Dealing out
 * single draws instead would repeat a cell's tuning (9 runs in the strict protocol) in every shard
 * that holds one of its draws, and shards on CPUs with other kernel paths could choose different
 * settings for one row.
 *
 * <p>Cells go to shards by longest processing time first: in order of their estimated cost ({@link
 * FewShotGrid.Plan#cost}), the largest first (ties in the canonical order of {@link
 * FewShotGrid.Plan#cells}), each to the shard with the least estimated cost so far (ties to the
 * lowest index). The assignment depends on the grid alone, not on the order of the command line's
 * lists, on what a store holds or on how far the other shards have got, so each shard computes the
 * same partition on its own. It balances the work, which dealing cells round-robin (cell i to shard
 * i mod N) does not: a 1-nearest-neighbour cell costs a thousandth of a tuned 20-shot cell, so
 * round-robin gives some of 4 or 8 shards 1.4 times the mean work of the strict grid.
 */
public record FewShotShard(int index, int count) {
  private static final Pattern FORM = Pattern.compile("(-?\\d+)/(-?\\d+)");

  /**
   * The most shards of a grid: the assignment keeps a counter per shard, and
   * scripts/fewshot-grid.sh checks K/N as six digits each.
   */
  private static final int MAX_SHARDS = 999_999;

  /** The fields of shard.json, in the order {@link #toJson} writes them. */
  private static final List<String> FIELDS =
      List.of("shard", "shards", "datasets", "shots", "draws", "methods");

  /**
   * Parses {@code K/N}.
   *
   * @throws InvalidSettingException ("shard") for anything but whole numbers with 0 <= K < N
   */
  public static FewShotShard parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidSettingException(
          "shard", text, "expected K/N, shard K of N with K counted from 0, such as 0/4");
    }
    BigInteger k = new BigInteger(m.group(1));
    BigInteger n = new BigInteger(m.group(2));
    if (n.signum() < 1) {
      throw new InvalidSettingException("shard", text, "expected N >= 1 shards");
    }
    if (n.compareTo(BigInteger.valueOf(MAX_SHARDS)) > 0) {
      throw new InvalidSettingException(
          "shard",
          text,
          "N " + n + " is out of range (expected at most " + MAX_SHARDS + " shards)");
    }
    if (k.signum() < 0) {
      throw new InvalidSettingException(
          "shard", text, "expected K >= 0 (shards count from 0, such as 0/4)");
    }
    if (k.compareTo(n) >= 0) {
      throw new InvalidSettingException(
          "shard",
          text,
          "there is no shard "
              + k
              + " of "
              + n
              + " (expected K from 0 to "
              + n.subtract(BigInteger.ONE)
              + ": shards count from 0)");
    }
    return new FewShotShard(k.intValueExact(), n.intValueExact());
  }

  /** The shard of each of {@code plan}'s cells, in the order of {@link FewShotGrid.Plan#cells}. */
  public static int[] assignment(FewShotGrid.Plan plan, int count) {
    List<FewShotGrid.Cell> cells = plan.cells();
    long[] cost = cells.stream().mapToLong(plan::cost).toArray();
    List<Integer> largestFirst =
        IntStream.range(0, cells.size())
            .boxed()
            .sorted(Comparator.comparingLong((Integer i) -> -cost[i]).thenComparingInt(i -> i))
            .toList();
    long[] load = new long[count];
    int[] shard = new int[cells.size()];
    for (int i : largestFirst) {
      int least = 0;
      for (int s = 1; s < count; s++) {
        if (load[s] < load[least]) {
          least = s;
        }
      }
      shard[i] = least;
      load[least] += cost[i];
    }
    return shard;
  }

  /** The cells of {@code plan} this shard runs. */
  public Set<FewShotGrid.Cell> cells(FewShotGrid.Plan plan) {
    List<FewShotGrid.Cell> cells = plan.cells();
    int[] shard = assignment(plan, count);
    Set<FewShotGrid.Cell> mine = new HashSet<>();
    for (int i = 0; i < cells.size(); i++) {
      if (shard[i] == index) {
        mine.add(cells.get(i));
      }
    }
    return mine;
  }

  /** The paragraph a shard's table.md opens with. */
  public String describe(FewShotGrid.Plan plan) {
    return "Shard "
        + this
        + " of the grid: this store runs "
        + cells(plan).size()
        + " of its "
        + plan.cells().size()
        + " cells; `bean fewshot merge` joins the shards' stores into the grid's table.";
  }

  /**
   * shard.json of a shard's store: the shard and its grid in canonical order (what the assignment
   * depends on).
   */
  public ObjectNode toJson(FewShotGrid.Plan plan) {
    ObjectNode json =
        JsonNodeFactory.instance.objectNode().put("shard", index).put("shards", count);
    ArrayNode datasets = json.putArray("datasets");
    plan.datasets().stream().sorted().forEach(d -> datasets.add(d.cliName()));
    ArrayNode shots = json.putArray("shots");
    plan.shots().stream().sorted().forEach(shots::add);
    ArrayNode draws = json.putArray("draws");
    plan.draws().stream().sorted().forEach(draws::add);
    ArrayNode methods = json.putArray("methods");
    plan.methods().stream().sorted().forEach(m -> methods.add(m.cliName()));
    return json;
  }

  /**
   * The plan a shard's store was made for, from its shard.json {@code file} (the inverse of {@link
   * #toJson}).
   *
   * @throws BadInputException if {@code json} is not a shard.json: a field missing (named) or not
   *     what {@link #toJson} writes, or a shard that is not one of its grid's (0 <= shard < shards)
   */
  public static FewShotGrid.Plan planOf(
      Path file, JsonNode json, FewShotProtocol protocol, int steps, FewShotOptions options) {
    for (String field : FIELDS) {
      if (json.get(field) == null) {
        throw notShardJson(
            file, "it lacks \"" + field + "\"; expected " + String.join(", ", FIELDS));
      }
    }
    int count = whole(file, "shards", json.get("shards"));
    int index = whole(file, "shard", json.get("shard"));
    if (index >= count || count > MAX_SHARDS) {
      throw notShardJson(
          file,
          "shard " + index + " of " + count + "; expected 0 <= shard < shards <= " + MAX_SHARDS);
    }
    List<Integer> shots = new ArrayList<>();
    list(file, json, "shots").forEach(k -> shots.add(whole(file, "shots", k)));
    List<Integer> draws = new ArrayList<>();
    list(file, json, "draws").forEach(d -> draws.add(whole(file, "draws", d)));
    try {
      List<DatasetId> datasets = new ArrayList<>();
      list(file, json, "datasets").forEach(d -> datasets.add(DatasetId.parse(d.asText())));
      List<String> methods = new ArrayList<>();
      list(file, json, "methods").forEach(m -> methods.add(m.asText()));
      return new FewShotGrid.Plan(
          protocol,
          datasets,
          shots,
          draws,
          FewShotMethod.parseList(String.join(",", methods)),
          steps,
          new FewShotShard(index, count),
          options);
    } catch (BadInputException e) { // an unknown dataset or method
      throw notShardJson(file, e.getMessage());
    }
  }

  private static JsonNode list(Path file, JsonNode json, String field) {
    JsonNode list = json.get(field);
    if (!list.isArray()) {
      throw notShardJson(file, "\"" + field + "\": " + list + "; expected a list");
    }
    return list;
  }

  private static int whole(Path file, String field, JsonNode value) {
    if (!value.isInt() || value.asInt() < 0) {
      throw notShardJson(file, "\"" + field + "\": " + value + "; expected a whole number >= 0");
    }
    return value.asInt();
  }

  private static BadInputException notShardJson(Path file, String detail) {
    return new BadInputException(file + ": not a shard.json of bean fewshot (" + detail + ")");
  }

  /** "K/N". */
  @Override
  public String toString() {
    return index + "/" + count;
  }
}
