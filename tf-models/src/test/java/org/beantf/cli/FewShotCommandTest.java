package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.beantf.models.experiments.FewShotGrid;
import org.beantf.models.experiments.FewShotProtocol;
import org.beantf.models.experiments.FewShotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bean fewshot's bad inputs: each one line on stderr and exit code 2, before any dataset or
 * TensorFlow.
 */
class FewShotCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @TempDir Path dir;

  private String fewshot(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "fewshot";
    all[1] = "--out";
    all[2] = dir.resolve("store").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run(all), streams.err());
    String message = streams.err().strip();
    assertFalse(message.contains("\n"), message);
    return message;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--dataset mnist --methods vanilla,bean3|bean: --methods vanilla,bean3: unknown method 'bean3' (expected a "
            + "comma list of vanilla, dropout, l2, l1, bean1, bean2, knn, kernel-ridge)",
        "--dataset mnist --draws 3..1|bean: --draws 3..1: '3..1' is not valid (expected A..B with A <= B)",
        "--dataset mnist --draws three|bean: --draws three: 'three' is not valid (expected N, A..B or a comma list of "
            + "those, with whole numbers >= 0)",
        "--dataset mnist --shots 1,0|bean: --shots 1,0: '0' is not valid (expected a comma list of whole numbers >= 1)",
        "--dataset mnist,svhn|bean: --dataset svhn: unknown dataset (expected one of mnist, fashion-mnist, cifar10)",
        "--dataset cifar10|bean: --dataset cifar10: LeNet-5 few-shot runs on 28x28 grayscale images (expected mnist "
            + "and/or fashion-mnist)",
        "--dataset mnist --protocol loose|bean: --protocol loose: unknown protocol (expected strict or authors)",
        "--dataset mnist --steps 25|bean: --steps 25: expected a multiple of 10 (the steps between validations), at "
            + "least 10"
      })
  void badInputIsOneLine(String args, String message) {
    assertEquals(message, fewshot(args.split(" ")));
  }

  @Test
  void aStoreMadeWithAnotherProtocolIsRefused() {
    FewShotStore.open(dir.resolve("store"), FewShotGrid.settings(FewShotProtocol.AUTHORS, 500));
    assertEquals(
        "bean: --out "
            + dir.resolve("store")
            + ": a store made with other settings (protocol: was "
            + "\"authors\", now \"strict\"; expected the same protocol and grid, or another --out)",
        fewshot("--dataset", "mnist", "--protocol", "strict"));
  }
}
