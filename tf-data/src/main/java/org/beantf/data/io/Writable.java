package org.beantf.data.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.beantf.data.InvalidSettingException;

/**
 * Checks, before any work, that an output location can be created and written: in the deepest
 * folder that exists on its path, a probe file of one byte is written and deleted. A read-only file
 * system, a folder without permission or a disk with no room left is found here, with the operating
 * system's reason, instead of after the data was read and TensorFlow loaded.
 */
public final class Writable {
  private Writable() {}

  /**
   * @param parameter the option naming {@code target}, without dashes ("out", "base")
   * @throws InvalidSettingException naming the option, the folder and the reason
   */
  public static void require(String parameter, Path target) {
    Path folder = target.toAbsolutePath().normalize();
    while (folder != null && !Files.isDirectory(folder)) {
      if (Files.exists(folder)) {
        throw new InvalidSettingException(
            parameter, target, folder + " is a file (expected a folder there)");
      }
      folder = folder.getParent();
    }
    if (folder == null) {
      return;
    }
    Path probe =
        folder.resolve(
            ".bean-probe-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
    try {
      Files.write(probe, new byte[1]);
    } catch (IOException e) {
      throw new InvalidSettingException(
          parameter,
          target,
          "cannot write in " + folder + " (" + OutputWriteException.reason(e) + ")",
          e);
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException e) {
        // the probe's name is hidden and unique; nothing reads it
      }
    }
  }
}
