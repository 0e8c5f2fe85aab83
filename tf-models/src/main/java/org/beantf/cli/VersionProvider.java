package org.beantf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code bean --version}: this project's version and the TensorFlow Java it was built against (no native load). */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    Properties versions = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String[] {
      "bean " + versions.getProperty("bean.version"),
      "TensorFlow Java " + versions.getProperty("tensorflow.version") + " (graph mode)",
      "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
          + System.getProperty("os.arch")
    };
  }
}
