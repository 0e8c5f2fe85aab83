package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exit codes and the one-line error contract of the command line (no network, no TensorFlow). */
class BeanCliTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @Test
  void versionNamesTheProjectAndTensorFlowJava() {
    assertEquals(0, BeanCli.run("--version"));
    assertTrue(streams.out().startsWith("bean "), streams.out());
    assertTrue(streams.out().contains("TensorFlow Java 1.1.0"), streams.out());
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, BeanCli.run("--help"));
    assertTrue(streams.out().contains("fetch"), streams.out());
    assertTrue(streams.out().contains("demo"), streams.out());
  }

  @Test
  void unknownDatasetIsOneLineWithExitCodeTwo() {
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run("fetch", "--dataset", "nosuch"));
    assertEquals(
        "bean: --dataset nosuch: unknown dataset (expected one of mnist, fashion-mnist, cifar10)",
        streams.err().strip());
  }

  @Test
  void missingRequiredOptionIsOneLineWithExitCodeTwo() {
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run("fetch"));
    String message = streams.err().strip();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.startsWith("bean fetch: Missing required option: '--dataset=D'"), message);
  }

  @Test
  void unknownCommandIsOneLineWithExitCodeTwo() {
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run("nosuch"));
    String message = streams.err().strip();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.contains("nosuch"), message);
  }

  @Test
  void aFailureIsReportedByItsFirstLineOnly() {
    assertEquals(
        "/out/variables.data; No space left on device",
        BeanCli.firstLine(
            "/out/variables.data; No space left on device\n\t [[{{node save/Save}}]]\nHint: If you want to see a list"));
    assertEquals("one line", BeanCli.firstLine("  one line  "));
  }

  @Test
  void aNameThatCannotBeAPathIsOneLineWithExitCodeTwo() {
    assertEquals(
        BeanCli.BAD_INPUT,
        BeanCli.run("train", "--model", "mlp", "--dataset", "mnist", "--out", "runs/a\u0000b"));
    String message = streams.err().strip();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.contains("' cannot be a path (Nul character not allowed"), message);
  }
}
