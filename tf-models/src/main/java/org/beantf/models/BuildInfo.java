package org.beantf.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this application was built from, recorded by the build (tf-models/pom.xml): its version, the
 * TensorFlow Java it was compiled against, and the git commit of the sources, so that report.json
 * names the code that ran rather than whatever checkout the user stands in.
 */
public final class BuildInfo {
  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  /** This project's version, "0.1.0-SNAPSHOT". */
  public static String version() {
    return PROPERTIES.getProperty("bean.version");
  }

  /** The TensorFlow Java version built against, "1.1.0". */
  public static String tensorflowVersion() {
    return PROPERTIES.getProperty("tensorflow.version");
  }

  /**
   * The commit the sources were built from, with "-dirty" when the working tree differed from it,
   * or null when the build ran outside a git checkout.
   */
  public static String commit() {
    String commit = PROPERTIES.getProperty("git.commit", "");
    if (!commit.matches("[0-9a-f]{40}")) {
      return null;
    }
    return "true".equals(PROPERTIES.getProperty("git.dirty")) ? commit + "-dirty" : commit;
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties is missing from the application");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
