package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * bean demo's bad flags: one line, exit code 2, before MNIST or TensorFlow is loaded, nothing
 * written.
 */
class DemoCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @TempDir Path dir;

  @Test
  void zeroEpochs() throws Exception {
    assertRefused(
        "bean: --epochs 0: expected an integer >= 1",
        "demo",
        "--epochs",
        "0",
        "--out",
        dir.resolve("out").toString());
  }

  @Test
  void negativeEpochs() throws Exception {
    assertRefused(
        "bean: --epochs -3: expected an integer >= 1",
        "demo",
        "--epochs",
        "-3",
        "--out",
        dir.resolve("out").toString());
  }

  @Test
  void unknownModel() throws Exception {
    assertRefused(
        "bean: --model resnet18: unknown demo model (expected one of lenet5, mlp)",
        "demo",
        "--model",
        "resnet18",
        "--out",
        dir.resolve("out").toString());
  }

  @Test
  void outThatIsNotEmpty() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertRefused(
        "bean: --out " + out + ": folder is not empty (expected an absent or empty folder)",
        "demo",
        "--out",
        out.toString());
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));
  }

  @Test
  void epochsThatAreNotANumber() {
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run("demo", "--epochs", "three"));
    String message = streams.err().strip();
    assertFalse(message.contains("\n"), message);
    assertTrue(message.contains("--epochs") && message.contains("three"), message);
  }

  private void assertRefused(String message, String... args) throws Exception {
    assertEquals(BeanCli.BAD_INPUT, BeanCli.run(args));
    assertEquals(message, streams.err().strip());
    assertEquals("", streams.out());
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(
          left.allMatch(p -> p.getFileName().toString().equals("out")), "nothing staged is left");
    }
  }
}
