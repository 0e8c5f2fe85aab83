package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.data.io.Folders;
import org.beantf.models.ModelKind;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.SyntheticData;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bean prune}'s refusals, each found before TensorFlow or the dataset is loaded: exit code
 * 2, one line on stderr naming the argument, and no output folder.
 */
class PruneCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @TempDir static Path dir;

  private static Path run;

  @BeforeAll
  static void train() {
    ImageSet images = SyntheticData.images(60, 3);
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST)
            .hidden(8)
            .epochs(1)
            .batch(30)
            .threads(1)
            .build();
    run = dir.resolve("run");
    new Trainer(config, TrainingListener.SILENT)
        .train(
            new Dataset(DatasetInfo.of(DatasetId.MNIST), images, images),
            RunDirectory.forNewRun(run));
  }

  /** A copy of the run without {@code left}. */
  private static Path without(String left) throws Exception {
    Path copy = dir.resolve("without-" + left.replace('/', '-'));
    try (Stream<Path> files = Files.walk(run)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(run.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Folders.deleteRecursively(copy.resolve(left));
    return copy;
  }

  @Test
  void badSettingsAndRunsExitTwoWithOneLineNamingTheArgument() throws Exception {
    Path nonEmpty = Files.createDirectories(dir.resolve("non-empty"));
    Files.writeString(nonEmpty.resolve("file"), "x");
    String r = run.toString();
    Object[][] cases = {
      {
        new String[] {"--run", r, "--threshold", "0"},
        "--threshold 0.0: expected a number τ with 0 < τ < 1"
      },
      {new String[] {"--run", r, "--threshold", "1"}, "--threshold 1.0"},
      {new String[] {"--run", r, "--threshold", "-0.1"}, "--threshold -0.1"},
      {new String[] {"--run", r, "--threshold", "NaN"}, "--threshold NaN"},
      {new String[] {"--run", r, "--threshold", "abc"}, "'abc'"},
      {new String[] {"--run", r, "--threshold", "0.1", "--sparsity", "0.5"}, "not both"},
      {new String[] {"--run", r, "--sparsity", "1"}, "--sparsity 1.0: expected a fraction S"},
      {new String[] {"--run", r, "--fine-tune-epochs", "-1"}, "--fine-tune-epochs -1"},
      {new String[] {"--run", r, "--repetitions", "0"}, "--repetitions 0"},
      {new String[] {"--run", dir.resolve("missing").toString()}, "no such folder"},
      {new String[] {"--run", without("layers").toString()}, "no BEAN layer hidden"},
      {new String[] {"--run", without("checkpoint").toString()}, "no checkpoint"},
      {new String[] {"--run", r, "--out", nonEmpty.toString()}, "--out " + nonEmpty},
      // from the layer files, before the dataset loads (its summary would be a second line)
      {
        new String[] {"--run", r, "--threshold", "0.999999"},
        "--threshold 0.999999: removes every neuron of layer hidden"
      },
      {
        new String[] {"--run", without("checkpoint/variables.data-00000-of-00001").toString()},
        "an incomplete checkpoint"
      },
    };
    for (Object[] c : cases) {
      String[] args = (String[]) c[0];
      int before = streams.err().length();
      assertEquals(2, BeanCli.run(concat("prune", args)), String.join(" ", args));
      List<String> lines = streams.err().substring(before).lines().toList();
      assertEquals(1, lines.size(), String.join(" ", args) + ": " + lines);
      assertTrue(lines.get(0).contains((String) c[1]), lines.get(0));
    }
    assertFalse(Files.exists(run.resolve("pruned")));
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(
          left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "a staged folder");
    }
    assertEquals("", streams.out());
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
