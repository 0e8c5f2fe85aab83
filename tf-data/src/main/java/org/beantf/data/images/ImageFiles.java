package org.beantf.data.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;

/**
 * Image files as a model's input: raw pixels in [0,1], HWC, read through the JDK's decoder. (A
 * decoder that reads the raw samples of every PNG colour type, alpha and JPEG, with sizes from the
 * header, is the your-own-data issue's; this is where it goes.)
 */
public final class ImageFiles {
  private ImageFiles() {}

  /**
   * The PNGs named: the file itself, or a folder's .png files in name order.
   *
   * @throws InvalidSettingException ("images") if there is no such file or the folder holds no PNG
   */
  public static List<Path> pngs(Path fileOrFolder) {
    if (Files.isRegularFile(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    if (!Files.isDirectory(fileOrFolder)) {
      throw new InvalidSettingException(
          "images", fileOrFolder, "no such file or folder (expected a PNG or a folder of PNGs)");
    }
    try (Stream<Path> entries = Files.list(fileOrFolder)) {
      List<Path> files =
          entries
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new InvalidSettingException(
            "images", fileOrFolder, "no .png files (expected a folder of PNGs)");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + fileOrFolder, e);
    }
  }

  /**
   * The images of {@code files} as one array of pixels [files][height][width][channels].
   *
   * @throws BadInputException naming a file that cannot be read or is not width × height
   */
  public static float[] read(List<Path> files, int height, int width, int channels) {
    float[] pixels = new float[files.size() * height * width * channels];
    for (int i = 0; i < files.size(); i++) {
      BufferedImage image = decode(files.get(i));
      if (image.getHeight() != height || image.getWidth() != width) {
        throw new BadInputException(
            String.format(
                Locale.ROOT,
                "%s: %dx%d pixels (expected %dx%d, the model's input size)",
                files.get(i),
                image.getWidth(),
                image.getHeight(),
                width,
                height));
      }
      toPixels(image, channels, pixels, i * height * width * channels);
    }
    return pixels;
  }

  private static BufferedImage decode(Path file) {
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw new BadInputException(file + ": not a readable image (expected a PNG)");
      }
      return image;
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot be read as a PNG (" + e.getMessage() + ")");
    }
  }

  /** Raw pixels in [0,1], HWC: gray = (R + G + B) / 3 for one channel, else R, G, B. */
  public static void toPixels(BufferedImage image, int channels, float[] target, int offset) {
    int at = offset;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (channels == 1) {
          target[at++] = (r + g + b) / (3f * 255f);
        } else {
          target[at++] = r / 255f;
          target[at++] = g / 255f;
          target[at++] = b / 255f;
        }
      }
    }
  }
}
