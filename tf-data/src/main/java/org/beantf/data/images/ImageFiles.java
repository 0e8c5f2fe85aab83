package org.beantf.data.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;

/**
 * Image files as a model's input: PNGs and JPEGs decoded exactly by {@link ImageDecoder} into raw
 * pixels in [0,1], HWC, each file's size checked against the model's from its header before any
 * pixel is decoded.
 */
public final class ImageFiles {
  private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

  private ImageFiles() {}

  /**
   * The images named: the file itself, or a folder's .png, .jpg and .jpeg files (any case) in name
   * order, leaving out folders and hidden files (names starting with ".", such as macOS's "._*"
   * companions).
   *
   * @throws InvalidSettingException ("images") if there is no such file or the folder holds no
   *     image
   * @throws UncheckedIOException if the folder cannot be listed
   */
  public static List<Path> pngs(Path fileOrFolder) {
    if (Files.isRegularFile(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    if (!Files.isDirectory(fileOrFolder)) {
      throw new InvalidSettingException(
          "images",
          fileOrFolder,
          "no such file or folder (expected a PNG or JPEG, or a folder of them)");
    }
    try (Stream<Path> entries = Files.list(fileOrFolder)) {
      List<Path> files =
          entries.filter(ImageFiles::isImageName).filter(Files::isRegularFile).sorted().toList();
      if (files.isEmpty()) {
        throw new InvalidSettingException(
            "images",
            fileOrFolder,
            "no .png, .jpg or .jpeg files (expected a folder of PNGs or JPEGs)");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + fileOrFolder, e);
    }
  }

  /** A visible file named *.png, *.jpg or *.jpeg (any case). */
  static boolean isImageName(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith(".")) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  /** {@link #read(List, int, int, int, AlphaBackground)} refusing images with non-opaque pixels. */
  public static float[] read(List<Path> files, int height, int width, int channels) {
    return read(files, height, width, channels, AlphaBackground.REFUSE);
  }

  /**
   * The images of {@code files} as one array of pixels {@code [files][height][width][channels]},
   * values in [0,1] (see {@link ImageDecoder#decode} for the scaling, the compositing and the
   * conversion between grey and colour: BT.601 luma for colour to grey, replication for grey to
   * colour).
   *
   * @param height the model's input height, in pixels
   * @param width the model's input width, in pixels
   * @param channels the model's input channels, 1 or 3
   * @param alpha what to do with non-opaque pixels
   * @throws BadInputException naming a file that cannot be read or decoded, is not width × height
   *     (checked from its header before decoding), or has non-opaque pixels and {@code alpha} is
   *     REFUSE; or if {@code channels} is not 1 or 3
   */
  public static float[] read(
      List<Path> files, int height, int width, int channels, AlphaBackground alpha) {
    if (channels != 1 && channels != 3) {
      throw new BadInputException(
          "the model's input has "
              + channels
              + " channels (expected 1 for grey or 3 for colour images)");
    }
    int size = height * width * channels;
    float[] pixels = new float[Math.multiplyExact(files.size(), size)];
    for (int i = 0; i < files.size(); i++) {
      DecodedImage image =
          ImageDecoder.decode(
              files.get(i),
              channels,
              alpha,
              Long.MAX_VALUE,
              header -> requireSize(header, height, width));
      System.arraycopy(image.pixels(), 0, pixels, i * size, size);
    }
    return pixels;
  }

  private static void requireSize(ImageHeader header, int height, int width) {
    if (header.height() != height || header.width() != width) {
      throw new BadInputException(
          String.format(
              Locale.ROOT,
              "%s: %dx%d pixels (expected %dx%d, the model's input size)",
              header.file(),
              header.width(),
              header.height(),
              width,
              height));
    }
  }
}
