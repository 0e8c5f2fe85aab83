package org.beantf.cli;

import org.beantf.models.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code bean --version}: this project's version and commit, and the TensorFlow Java it was built
 * against.
 */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String commit = BuildInfo.commit();
    return new String[] {
      "bean " + BuildInfo.version() + (commit == null ? "" : " (commit " + commit + ")"),
      "TensorFlow Java " + BuildInfo.tensorflowVersion() + " (graph mode)",
      "Java "
          + System.getProperty("java.version")
          + " on "
          + System.getProperty("os.name")
          + " "
          + System.getProperty("os.arch")
    };
  }
}
