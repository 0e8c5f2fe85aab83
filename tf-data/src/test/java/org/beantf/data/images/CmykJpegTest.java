package org.beantf.data.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CMYK JPEG (Adobe APP14, transform 0, as Photoshop writes them) is read as RGB.
 *
 * <p>No reference decoder is at hand for CMYK (djpeg writes no CMYK to PNM) and the conversion goes
 * through the reader's CMYK ICC profile, so the expected colours are loose: four flat 8×8 blocks of
 * white, cyan, black and red ink must come out near white, cyan, black and red.
 */
class CmykJpegTest {
  @TempDir Path dir;

  /** Ink per block (C, M, Y, K, 255 = full ink): white, cyan, black, red (M + Y). */
  private static final int[][] INK = {
    {0, 0, 0, 0}, {255, 0, 0, 0}, {0, 0, 0, 255}, {0, 255, 255, 0}
  };

  @Test
  void cmykIsReadAsRgb() throws IOException {
    Path file = writeCmyk(dir.resolve("cmyk.jpg"));
    assertEquals(new ImageHeader(file, "jpeg", 16, 16, 3, false, 8), ImageDecoder.header(file));
    DecodedImage image = ImageDecoder.decode(file, 0, AlphaBackground.REFUSE, 256);
    assertEquals(3, image.channels());
    float[] white = pixel(image, 4, 4);
    float[] cyan = pixel(image, 12, 4);
    float[] black = pixel(image, 4, 12);
    float[] red = pixel(image, 12, 12);
    assertTrue(white[0] > 0.9 && white[1] > 0.9 && white[2] > 0.9, "white " + str(white));
    assertTrue(cyan[0] < 0.3 && cyan[1] > 0.5 && cyan[2] > 0.7, "cyan " + str(cyan));
    assertTrue(black[0] < 0.35 && black[1] < 0.35 && black[2] < 0.35, "black " + str(black));
    assertTrue(red[0] > 0.7 && red[1] < 0.3 && red[2] < 0.3, "red " + str(red));
  }

  private static float[] pixel(DecodedImage image, int x, int y) {
    int at = (y * image.width() + x) * 3;
    return new float[] {image.pixels()[at], image.pixels()[at + 1], image.pixels()[at + 2]};
  }

  private static String str(float[] rgb) {
    return rgb[0] + "," + rgb[1] + "," + rgb[2];
  }

  /**
   * Writes the four blocks' CMYK through the JPEG writer's raster path (4 components, no colour
   * transform), then adds the Adobe APP14 marker (transform 0: CMYK) after SOI; Adobe CMYK stores
   * 255 − ink.
   */
  private static Path writeCmyk(Path file) throws IOException {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        int[] ink = INK[(y / 8) * 2 + x / 8];
        raster.setPixel(x, y, new int[] {255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]});
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(1f);
      writer.write(null, new IIOImage(raster, null, null), param);
    } finally {
      writer.dispose();
    }
    byte[] jpeg = bytes.toByteArray();
    byte[] app14 = {
      (byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0
    };
    ByteArrayOutputStream marked = new ByteArrayOutputStream();
    marked.write(jpeg, 0, 2);
    marked.write(app14);
    marked.write(jpeg, 2, jpeg.length - 2);
    return Files.write(file, marked.toByteArray());
  }
}
