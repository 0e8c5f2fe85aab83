package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.beantf.data.DatasetId;
import org.beantf.models.ModelKind;
import org.beantf.models.train.ConfigJson;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bean train's bad inputs: each one line on stderr and exit code 2, before any dataset or
 * TensorFlow.
 */
class TrainCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @TempDir Path dir;

  private String train(String... extra) {
    String[] args = new String[extra.length + 1];
    args[0] = "train";
    System.arraycopy(extra, 0, args, 1, extra.length);
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run(args), streams.err());
    String message = streams.err().strip();
    assertFalse(message.contains("\n"), message);
    return message;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--model nosuch --dataset mnist|bean: --model nosuch: unknown model (expected one of mlp, lenet5, resnet18)",
        "--model mlp --dataset nosuch|bean: --dataset nosuch: unknown dataset (expected one of mnist, fashion-mnist, "
            + "cifar10, or images:DIR, csv:FILE, npy:X.npy,y.npy, idx:DIR)",
        "--model mlp --dataset csv:|bean: --dataset csv:: no path after csv: (expected csv:FILE, a table with a "
            + "header row)",
        "--model mlp --dataset mnist --test-split 0.3|bean: --test-split 0.3: does not apply: mnist has its own "
            + "test set",
        "--model mlp --dataset csv:t.csv --test-split 1|bean: --test-split 1.0: expected a fraction 0 < F < 1, as "
            + "0.2",
        "--model mlp --dataset mnist --hidden 256,0|bean: --hidden 256,0: expected a comma list of integers >= 1, "
            + "as 500 or 256,128",
        "--model lenet5 --dataset mnist --hidden 64|bean: --hidden 64: applies to --model mlp only (lenet5 has "
            + "fixed layers)",
        "--model mlp --dataset mnist --hidden 64,32 --bean-layers hidden|bean: --bean-layers hidden: mlp has no BEAN "
            + "layer 'hidden' (expected some of hidden1, hidden2)",
        "--model mlp --dataset mnist --reg bean3|bean: --reg bean3: unknown regularizer 'bean3' (expected a comma "
            + "list of none, vanilla, bean1, bean2, dropout, l2, l1)",
        "--model mlp --dataset mnist --reg bean1,bean2|bean: --reg bean1,bean2: choose one of bean1 and bean2",
        "--model mlp --dataset mnist --reg bean1 --alpha -1|bean: --alpha -1.0: expected a finite number >= 0",
        "--model mlp --dataset mnist --batch 0|bean: --batch 0: expected an integer >= 1",
        "--model lenet5 --dataset mnist --bean-layers fc3|bean: --bean-layers fc3: lenet5 has no BEAN layer 'fc3' "
            + "(expected some of flatten, fc1, fc2)",
        "--model mlp --dataset mnist --divergence absolute --form dense|bean: --form dense: exists only for the "
            + "squared divergence (expected auto or broadcast with --divergence absolute)",
        "--model mlp --dataset mnist --dropout 1|bean: --dropout 1.0: expected 0 <= P < 1",
        "--model mlp --dataset cifar10 --val-split 55000|bean: --val-split 55000: expected 0 <= N < 50000, the "
            + "training examples of cifar10",
        "--model mlp --dataset mnist --until-converged --max-epochs 0|bean: --max-epochs 0: expected an integer >= 1",
        "--model mlp --dataset mnist --form sparse|bean train: Invalid value for option '--form': expected one of "
            + "[AUTO, BROADCAST, DENSE, LOWRANK] (case-insensitive) but was 'sparse' (see bean train --help)",
        "--model mlp --dataset mnist --init he|bean train: Invalid value for option '--init': expected one of "
            + "[GLOROT, PYTORCH] (case-insensitive) but was 'he' (see bean train --help)",
        "--model mlp --dataset mnist --reg-option beta=2|bean: --reg-option beta: no registered regularizer "
            + "takes this setting (expected one of alpha, divergence, form, bean-layers, dropout, l2, l1)"
      })
  void isRefusedOnOneLine(String args, String expected) {
    String[] all = (args + " --out " + dir.resolve("run")).split(" ");
    assertEquals(expected, train(all));
    assertFalse(Files.exists(dir.resolve("run")));
  }

  @Test
  void aNonEmptyOutWithoutResumeIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("run"));
    Files.writeString(dir.resolve("run/notes.txt"), "mine");
    assertEquals(
        "bean: --out "
            + dir.resolve("run")
            + ": folder is not empty (expected an absent or empty folder, "
            + "or --resume to continue the run in it)",
        train("--model", "mlp", "--dataset", "mnist", "--out", dir.resolve("run").toString()));
  }

  @Test
  void resumingARunMadeWithAnotherConfigurationIsRefused() throws Exception {
    TrainConfig other =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).seed(7).threads(2).build();
    new RunDirectory(dir.resolve("run")).writeConfig(ConfigJson.of(other));
    assertEquals(
        "bean: --resume "
            + dir.resolve("run")
            + ": the run was made with another configuration (seed: "
            + "was 7, now 1)",
        train(
            "--model",
            "mlp",
            "--dataset",
            "mnist",
            "--threads",
            "2",
            "--resume",
            "--out",
            dir.resolve("run").toString()));
  }
}
