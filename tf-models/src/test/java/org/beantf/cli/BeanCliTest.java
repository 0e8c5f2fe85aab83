package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exit codes and the one-line error contract of the command line (no network, no TensorFlow). */
class BeanCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void captureStreams() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStreams() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void versionNamesTheProjectAndTensorFlowJava() {
    assertEquals(0, BeanCli.run("--version"));
    assertTrue(out().startsWith("bean "), out());
    assertTrue(out().contains("TensorFlow Java 1.1.0"), out());
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, BeanCli.run("--help"));
    assertTrue(out().contains("fetch"), out());
    assertTrue(out().contains("demo"), out());
  }

  @Test
  void unknownDatasetIsOneLineWithExitCodeTwo() {
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run("fetch", "--dataset", "nosuch"));
    assertEquals("bean: --dataset nosuch: unknown dataset (expected one of mnist, fashion-mnist, cifar10)",
        err().strip());
  }

  @Test
  void missingRequiredOptionIsOneLineWithExitCodeTwo() {
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run("fetch"));
    String message = err().strip();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.startsWith("bean fetch: Missing required option: '--dataset=D'"), message);
  }

  @Test
  void unknownCommandIsOneLineWithExitCodeTwo() {
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run("nosuch"));
    String message = err().strip();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.contains("nosuch"), message);
  }
}
