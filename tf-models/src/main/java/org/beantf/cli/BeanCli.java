package org.beantf.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;
import org.beantf.savedmodels.InvalidModelException;
import org.beantf.serving.ServeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code bean} command line. Subcommands parse their arguments and delegate; this class maps
 * what goes wrong to exit codes: 2 for bad usage or bad input (one line on stderr), 1 for a failure
 * at run time.
 */
@Command(
    name = "bean",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Train, export and analyse neural networks with BEAN regularization on TensorFlow Java.",
    subcommands = {
      DemoCommand.class,
      FetchCommand.class,
      TrainCommand.class,
      ExportCommand.class,
      PredictCommand.class,
      EvaluateCommand.class,
      InspectCommand.class,
      AnalyzeCommand.class,
      FewShotCommand.class,
      ServeCommand.class,
      PruneCommand.class,
      CommandLine.HelpCommand.class
    })
public final class BeanCli {
  /** Exit code for bad usage or bad input. */
  public static final int BAD_INPUT = 2;

  /** Exit code for a failure at run time. */
  public static final int FAILURE = 1;

  private static final String JAVACPP_MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

  public static void main(String[] args) {
    // JavaCPP otherwise reads the process's resident size at every native allocation, one per
    // tensor: 20-30 µs a
    // call (docs/BENCHMARKS.md). Every tensor here is closed explicitly, so its GC-driven limit is
    // not needed.
    if (System.getProperty(JAVACPP_MAX_PHYSICAL_BYTES) == null) {
      System.setProperty(JAVACPP_MAX_PHYSICAL_BYTES, "0");
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (what {@link #main} exits with). */
  public static int run(String... args) {
    // plots render to PNG files: no display is needed, or wanted on a server
    System.setProperty("java.awt.headless", "true");
    // bean serve's Jetty logs through SLF4J: its warnings only, on stderr beside bean's own lines
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    CommandLine commandLine =
        new CommandLine(new BeanCli()).setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.registerConverter(Path.class, BeanCli::path);
    commandLine.setParameterExceptionHandler(BeanCli::badUsage);
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> failure(e, cl.getErr(), cl.getCommandSpec()));
    return commandLine.execute(args);
  }

  private static int badUsage(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command
        .getErr()
        .println(
            command.getCommandSpec().qualifiedName()
                + ": "
                + e.getMessage()
                + " (see "
                + command.getCommandSpec().qualifiedName()
                + " --help)");
    return BAD_INPUT;
  }

  private static int failure(Exception e, PrintWriter err, CommandSpec command) {
    ProgressBarListener.closeActive();
    if (e instanceof InvalidSettingException setting) {
      err.println("bean: " + setting.messageFor(parameter -> flag(command, parameter)));
      return BAD_INPUT;
    }
    if (e instanceof BadInputException
        || e instanceof InvalidModelException
        || e instanceof ServeException) {
      err.println("bean: " + firstLine(e.getMessage()));
      return BAD_INPUT;
    }
    if (e instanceof InvalidPathException invalid) {
      err.println("bean: " + unnamable(invalid));
      return BAD_INPUT;
    }
    if (System.getenv("BEAN_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.println(
        "bean: "
            + firstLine(e.getMessage() != null ? e.getMessage() : e.toString())
            + (System.getenv("BEAN_DEBUG") == null
                ? " (set BEAN_DEBUG=1 for the stack trace)"
                : ""));
    return FAILURE;
  }

  /**
   * A path argument; a name the locale's character set cannot hold (a JVM started under LC_ALL=C or
   * POSIX cannot name é or 中) is refused saying what to set.
   */
  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new CommandLine.TypeConversionException(unnamable(e));
    }
  }

  /**
   * Why a name cannot be a path here, and, when the JVM names files in a character set that is not
   * UTF-8, what to set.
   */
  static String unnamable(InvalidPathException e) {
    String charset = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
    boolean utf8 = charset.replace("-", "").equalsIgnoreCase("UTF8");
    return "'"
        + e.getInput()
        + "' cannot be a path ("
        + e.getReason()
        + (utf8
            ? ")"
            : "; this JVM names files in "
                + charset
                + ": run it under a UTF-8 locale, such as LC_ALL=C.UTF-8, as ./bean does when the"
                + " system has one)");
  }

  /**
   * How the command line spells setting {@code parameter}: its option, or {@code --reg-option
   * NAME=} for a regularizer setting without an option of its own.
   */
  static String flag(CommandSpec command, String parameter) {
    if (command.findOption("--" + parameter) != null
        || command.findOption("--reg-option") == null) {
      return "--" + parameter;
    }
    return "--reg-option " + parameter + "=";
  }

  /**
   * The first line of a message: TensorFlow's errors go on with the graph node and hints ("add
   * report_tensor_allocations_upon_oom …" after a full disk) that name nothing the user gave.
   */
  static String firstLine(String message) {
    String line = message.strip().lines().findFirst().orElse("");
    return line.strip();
  }
}
