package org.beantf.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beantf.cli.BeanCli;

/** The bean command line as a process of its own: the test JVM's java and class path. */
final class FreshJvm {
  private FreshJvm() {}

  /** {@code java -cp <this class path> BeanCli <args>}. */
  static List<String> bean(List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BeanCli.class.getName()));
    command.addAll(args);
    return command;
  }
}
