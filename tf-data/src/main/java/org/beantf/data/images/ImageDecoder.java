package org.beantf.data.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageReader;
import org.beantf.data.BadInputException;

/**
 * Exact decoding of PNG and JPEG files into a model's input: the raw samples, scaled by their bit
 * depth, never passed through a colour-managed RGB conversion.
 *
 * <p>Both methods use the ImageIO reader of the format (the JDK's for PNG; for JPEG the first
 * registered, which with TwelveMonkeys on the class path also reads CMYK and YCCK), read the header
 * before any pixel, and are safe to call from many threads at once.
 */
public final class ImageDecoder {
  private ImageDecoder() {}

  /**
   * Reads the header of {@code file} (the PNG IHDR and the chunks before the image data, or the
   * JPEG markers up to the SOF) through ImageIO's reader, never its pixels.
   *
   * @throws BadInputException if the file cannot be read (with the system's reason, e.g.
   *     "(Permission denied)"), is empty, is neither a PNG nor a JPEG, or its header is corrupt
   */
  public static ImageHeader header(Path file) {
    try (ImageFile in = ImageFile.open(file)) {
      ImageReader reader = null;
      try {
        reader = in.reader();
        return Header.read(in, reader).header();
      } catch (IOException | RuntimeException e) {
        throw corrupt(in, e);
      } finally {
        if (reader != null) {
          reader.dispose();
        }
      }
    }
  }

  /**
   * Decodes {@code file} into floats in [0,1], HWC ({@code height × width × channels}).
   *
   * <p>Samples are scaled by their bit depth, {@code v / (float) (2^bits − 1)}, so 8-bit samples
   * give exactly {@code v / 255f} and 16-bit ones {@code v / 65535f}. Palettes are expanded to
   * their R, G, B entries / 255 (3 channels); grey is 1 channel, colour 3 (a JPEG's CMYK or YCCK is
   * converted to RGB by the reader).
   *
   * <p>Alpha (an alpha channel, or a PNG tRNS chunk): if any pixel is not fully opaque, {@link
   * AlphaBackground#REFUSE} refuses the file naming how many pixels are not; {@link
   * AlphaBackground#WHITE} and {@link AlphaBackground#BLACK} composite every channel {@code c' =
   * c·a + bg·(1 − a)} with {@code a = alpha / alphaMax} and bg 1 or 0. Compositing comes before the
   * channel conversion.
   *
   * @param channels 0 for the channels as stored; 1 or 3 to convert when needed: colour to grey by
   *     ITU-R BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B} (exactly R where R = G = B), grey to
   *     colour by putting the grey value in R, G and B
   * @param alpha what to do with non-opaque pixels
   * @param maxPixels the most pixels (width × height) to decode; a file whose header declares more
   *     is refused before any pixel is decoded
   * @throws BadInputException (one line, "FILE: what was wrong (expected …)") if the file cannot be
   *     read (with the system's reason, e.g. "(Permission denied)"), is empty, is neither a PNG nor
   *     a JPEG, is truncated or corrupt, uses what the reader does not support, has more than
   *     {@code maxPixels} pixels, or has non-opaque pixels while {@code alpha} is REFUSE
   * @throws IllegalArgumentException if {@code channels} is not 0, 1 or 3, or {@code maxPixels} is
   *     not positive
   */
  public static DecodedImage decode(
      Path file, int channels, AlphaBackground alpha, long maxPixels) {
    return decode(file, channels, alpha, maxPixels, header -> {});
  }

  /**
   * {@link #decode(Path, int, AlphaBackground, long)}, calling {@code check} with the header before
   * any pixel is decoded (it throws to refuse the file).
   */
  static DecodedImage decode(
      Path file, int channels, AlphaBackground alpha, long maxPixels, Consumer<ImageHeader> check) {
    if (channels != 0 && channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels " + channels + " (expected 0, 1 or 3)");
    }
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels " + maxPixels + " (expected > 0)");
    }
    try (ImageFile in = ImageFile.open(file)) {
      ImageReader reader = null;
      try {
        reader = in.reader();
        Header header = Header.read(in, reader);
        ImageHeader h = header.header();
        if (h.pixels() > maxPixels) {
          throw new BadInputException(
              String.format(
                  Locale.ROOT,
                  "%s: %dx%d pixels, more than the limit of %d (--max-pixels)",
                  file,
                  h.width(),
                  h.height(),
                  maxPixels));
        }
        check.accept(h);
        int out = channels == 0 ? h.channels() : channels;
        if (h.pixels() * Math.max(out, h.channels() + 1) > Integer.MAX_VALUE - 8) {
          throw new BadInputException(
              String.format(
                  Locale.ROOT,
                  "%s: %dx%d pixels, too many for one array (expected fewer than %d values)",
                  file,
                  h.width(),
                  h.height(),
                  Integer.MAX_VALUE - 8));
        }
        BufferedImage image = reader.read(0);
        RawSamples raw =
            header.png() != null ? PngSamples.of(image, header.png()) : JpegSamples.of(image);
        if (raw.width() != h.width() || raw.height() != h.height()) {
          throw new IOException(
              "decoded " + raw.width() + "x" + raw.height() + " pixels, not the header's size");
        }
        return PixelComposer.compose(file, raw, channels, alpha);
      } catch (IOException | RuntimeException e) {
        throw corrupt(in, e);
      } finally {
        if (reader != null) {
          reader.dispose();
        }
      }
    }
  }

  /** A header and, for a PNG, its layout. */
  private record Header(ImageHeader header, PngLayout png) {
    static Header read(ImageFile in, ImageReader reader) throws IOException {
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if ("png".equals(in.format)) {
        PngLayout png = PngLayout.of(reader);
        return new Header(
            new ImageHeader(
                in.file, "png", width, height, png.channels(), png.alpha(), png.bitDepth()),
            png);
      }
      int channels = JpegLayout.channels(reader);
      return new Header(new ImageHeader(in.file, "jpeg", width, height, channels, false, 8), null);
    }
  }

  /** The exception to throw for {@code e}: ours as it is, any other as a corrupt file. */
  private static BadInputException corrupt(ImageFile in, Exception e) {
    if (e instanceof BadInputException bad) {
      return bad;
    }
    String kind = "png".equals(in.format) ? "PNG" : "JPEG";
    return new BadInputException(
        in.file
            + ": cannot be decoded as a "
            + kind
            + ": "
            + describe(e)
            + " (expected a complete, valid "
            + kind
            + ")",
        e);
  }

  /** The messages of {@code e} and its causes, on one line. */
  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 300; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (text.indexOf(message) >= 0) {
        continue;
      }
      if (text.length() > 0) {
        text.append(": ");
      }
      text.append(message);
    }
    return text.toString().replaceAll("\\s+", " ").strip();
  }
}
