package org.beantf.data.images;

import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * How a PNG stores its samples, from the reader's native metadata ({@code javax_imageio_png_1.0}):
 * the IHDR colour type, bit depth and interlacing, and the tRNS chunk.
 *
 * @param colorType PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha
 * @param bitDepth bits per sample (per palette index for colour type 3)
 * @param interlaced whether Adam7-interlaced
 * @param transparent for colour types 0 and 2 with a tRNS chunk, the one grey value or R, G, B
 *     triple that is fully transparent; else null
 * @param paletteAlpha for colour type 3, whether a tRNS chunk gives palette entries alpha
 */
record PngLayout(
    int colorType, int bitDepth, boolean interlaced, int[] transparent, boolean paletteAlpha) {
  static final String FORMAT = "javax_imageio_png_1.0";

  static PngLayout of(ImageReader reader) throws IOException {
    IIOMetadata metadata = reader.getImageMetadata(0);
    Node root = metadata.getAsTree(FORMAT);
    int colorType = -1;
    int bitDepth = 0;
    boolean interlaced = false;
    int[] transparent = null;
    boolean paletteAlpha = false;
    for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
      switch (chunk.getNodeName()) {
        case "IHDR" -> {
          NamedNodeMap a = chunk.getAttributes();
          colorType = colorType(a.getNamedItem("colorType").getNodeValue());
          bitDepth = Integer.parseInt(a.getNamedItem("bitDepth").getNodeValue());
          interlaced = "adam7".equals(a.getNamedItem("interlaceMethod").getNodeValue());
        }
        case "tRNS" -> {
          Node kind = chunk.getFirstChild();
          if (kind != null) {
            NamedNodeMap a = kind.getAttributes();
            switch (kind.getNodeName()) {
              case "tRNS_Grayscale" -> transparent = new int[] {intOf(a, "gray")};
              case "tRNS_RGB" ->
                  transparent = new int[] {intOf(a, "red"), intOf(a, "green"), intOf(a, "blue")};
              case "tRNS_Palette" -> paletteAlpha = true;
              default -> {}
            }
          }
        }
        default -> {}
      }
    }
    if (colorType < 0) {
      throw new IOException("no IHDR in the PNG metadata");
    }
    return new PngLayout(colorType, bitDepth, interlaced, transparent, paletteAlpha);
  }

  /** Colour channels as stored: 1 for grey (types 0, 4), 3 for colour (2, 3, 6). */
  int channels() {
    return colorType == 0 || colorType == 4 ? 1 : 3;
  }

  /** Whether pixels can be non-opaque: an alpha channel or a tRNS chunk. */
  boolean alpha() {
    return colorType == 4 || colorType == 6 || transparent != null || paletteAlpha;
  }

  private static int colorType(String name) throws IOException {
    return switch (name) {
      case "Grayscale" -> 0;
      case "RGB" -> 2;
      case "Palette" -> 3;
      case "GrayAlpha" -> 4;
      case "RGBAlpha" -> 6;
      default -> throw new IOException("unknown PNG colour type " + name);
    };
  }

  private static int intOf(NamedNodeMap attributes, String name) {
    return Integer.parseInt(attributes.getNamedItem(name).getNodeValue());
  }
}
