package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.beantf.data.DatasetId;
import org.beantf.data.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FewShotShardTest {
  /** The strict grid of docs/RESULTS.md: 2 datasets x 4 shot counts x 8 methods, 20 draws. */
  private static final FewShotGrid.Plan STRICT =
      plan(
          FewShotProtocol.STRICT,
          List.of(DatasetId.MNIST, DatasetId.FASHION_MNIST),
          List.of(1, 5, 10, 20),
          "vanilla,dropout,l2,l1,bean1,bean2,knn,kernel-ridge");

  private static FewShotGrid.Plan plan(
      FewShotProtocol protocol, List<DatasetId> datasets, List<Integer> shots, String methods) {
    return new FewShotGrid.Plan(
        protocol,
        datasets,
        shots,
        DrawRange.parse("0..19"),
        FewShotMethod.parseList(methods),
        500,
        null);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 8, 16, 64, 100})
  void theShardsPartitionTheGrid(int count) {
    List<FewShotGrid.Cell> all = STRICT.cells();
    assertEquals(64, all.size());
    Set<FewShotGrid.Cell> union = new HashSet<>();
    int total = 0;
    for (int k = 0; k < count; k++) {
      Set<FewShotGrid.Cell> mine = new FewShotShard(k, count).cells(STRICT);
      total += mine.size();
      union.addAll(mine);
    }
    assertEquals(all.size(), total, "a cell in two shards");
    assertEquals(new HashSet<>(all), union, "a cell in no shard");
  }

  @Test
  void theAssignmentDependsOnTheGridAloneNotOnTheOrderOfItsLists() {
    int[] once = FewShotShard.assignment(STRICT, 4);
    assertArrayEquals(once, FewShotShard.assignment(STRICT, 4));
    FewShotGrid.Plan reordered =
        plan(
            FewShotProtocol.STRICT,
            List.of(DatasetId.FASHION_MNIST, DatasetId.MNIST),
            List.of(20, 1, 10, 5),
            "knn,bean2,vanilla,kernel-ridge,l1,dropout,bean1,l2");
    assertEquals(STRICT.cells(), reordered.cells());
    assertArrayEquals(once, FewShotShard.assignment(reordered, 4));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
  void theShardsShareTheWorkEvenly(int count) {
    int[] shard = FewShotShard.assignment(STRICT, count);
    assertTrue(
        imbalance(shard, count) <= 1.05,
        "the busiest shard's work against the mean: " + imbalance(shard, count));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 8})
  void roundRobinWouldNot(int count) {
    // what docs/RESULTS.md compares the assignment with: cell i to shard i mod N
    int[] shard = IntStream.range(0, STRICT.cells().size()).map(i -> i % count).toArray();
    assertTrue(imbalance(shard, count) > 1.4, "round-robin: " + imbalance(shard, count));
  }

  /** The busiest shard's estimated work over the mean. */
  private static double imbalance(int[] shard, int count) {
    long[] load = new long[count];
    List<FewShotGrid.Cell> cells = STRICT.cells();
    for (int i = 0; i < cells.size(); i++) {
      load[shard[i]] += STRICT.cost(cells.get(i));
    }
    return (double) LongStream.of(load).max().orElseThrow()
        / (LongStream.of(load).sum() / (double) count);
  }

  @Test
  void aCellsCostCountsItsTuningRuns() {
    FewShotGrid.Cell l2 = new FewShotGrid.Cell(DatasetId.MNIST, 1, FewShotMethod.L2);
    FewShotGrid.Cell vanilla = new FewShotGrid.Cell(DatasetId.MNIST, 1, FewShotMethod.VANILLA);
    assertEquals((20 + 9) * 30, STRICT.cost(l2));
    assertEquals(20 * 30, STRICT.cost(vanilla));
    FewShotGrid.Plan authors =
        plan(FewShotProtocol.AUTHORS, List.of(DatasetId.MNIST), List.of(1), "l2");
    assertEquals(20 * 30, authors.cost(l2), "the authors' protocol does not tune");
  }

  @Test
  void aTunedCellAndItsDrawsStayInOneShard() {
    // 4 cells into 4 shards: each shard runs one whole cell, the tuned l2 with its tuning
    FewShotGrid.Plan small =
        new FewShotGrid.Plan(
            FewShotProtocol.STRICT,
            List.of(DatasetId.MNIST),
            List.of(1),
            List.of(0, 1),
            FewShotMethod.parseList("vanilla,l2,knn,kernel-ridge"),
            10,
            null);
    List<Set<FewShotGrid.Cell>> shards = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      shards.add(new FewShotShard(k, 4).cells(small));
    }
    assertEquals(Set.of(new FewShotGrid.Cell(DatasetId.MNIST, 1, FewShotMethod.L2)), shards.get(0));
    shards.forEach(s -> assertEquals(1, s.size(), shards.toString()));
  }

  @Test
  void shardJsonReadsBackAsThePlan() {
    FewShotShard shard = new FewShotShard(2, 8);
    FewShotGrid.Plan back =
        FewShotShard.planOf(
            Path.of("shard.json"),
            shard.toJson(STRICT),
            FewShotProtocol.STRICT,
            500,
            FewShotOptions.DEFAULTS);
    assertEquals(STRICT.cells(), back.cells());
    assertEquals(STRICT.draws(), back.draws());
    assertEquals(shard, back.shard());
    assertEquals(shard.cells(STRICT), shard.cells(back));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0/1|0|1",
        "999998/999999|999998|999999",
        "3/4|3|4",
        " 1/2 |1|2",
      })
  void parsesKOfN(String text, int k, int n) {
    assertEquals(new FewShotShard(k, n), FewShotShard.parse(text));
    assertEquals(k + "/" + n, FewShotShard.parse(text).toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "4/4|--shard 4/4: there is no shard 4 of 4 (expected K from 0 to 3: shards count from 0)",
        "0/0|--shard 0/0: expected N >= 1 shards",
        "-1/4|--shard -1/4: expected K >= 0 (shards count from 0, such as 0/4)",
        "0/-1|--shard 0/-1: expected N >= 1 shards",
        "0/99999999999|--shard 0/99999999999: N 99999999999 is out of range (expected at most"
            + " 999999 shards)",
        "99999999999/2|--shard 99999999999/2: there is no shard 99999999999 of 2 (expected K from"
            + " 0 to 1: shards count from 0)",
        "0/1000000|--shard 0/1000000: N 1000000 is out of range (expected at most 999999"
            + " shards)",
        "1of4|--shard 1of4: expected K/N, shard K of N with K counted from 0, such as 0/4",
        "1/4/2|--shard 1/4/2: expected K/N, shard K of N with K counted from 0, such as 0/4",
      })
  void refusesAnythingElse(String text, String message) {
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> FewShotShard.parse(text));
    assertEquals(message, e.messageFor(p -> "--" + p));
  }
}
