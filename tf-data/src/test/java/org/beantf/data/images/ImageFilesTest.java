package org.beantf.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a folder of images and reading them as a model's input. */
class ImageFilesTest {
  @TempDir Path dir;

  @Test
  void listsPngsAndJpegsInNameOrderSkippingHiddenFiles() throws IOException {
    for (String name :
        new String[] {"b.PNG", "a.jpg", "c.jpeg", "._a.jpg", ".hidden.png", "notes.txt", "d.gif"}) {
      Files.writeString(dir.resolve(name), "x");
    }
    Files.createDirectories(dir.resolve("sub.png"));
    assertEquals(
        List.of(dir.resolve("a.jpg"), dir.resolve("b.PNG"), dir.resolve("c.jpeg")),
        ImageFiles.pngs(dir));
  }

  @Test
  void aFolderWithoutImagesIsRefused() throws IOException {
    Files.writeString(dir.resolve("._x.png"), "x");
    assertThrows(InvalidSettingException.class, () -> ImageFiles.pngs(dir));
  }

  @Test
  void readsGreyAndColourFilesAsTheModelsChannels() throws IOException {
    Path grey = new PngWriter(2, 1, PngWriter.GREY, 8).samples(128, 3).write(dir.resolve("a.png"));
    Path rgb =
        new PngWriter(2, 1, PngWriter.RGB, 8)
            .samples(64, 64, 64, 255, 0, 0)
            .write(dir.resolve("b.png"));
    float[] one = ImageFiles.read(List.of(grey, rgb), 1, 2, 1);
    assertArrayEquals(new float[] {128 / 255f, 3 / 255f, 64 / 255f, 0.299f}, one, 1e-6f);
    assertEquals(64 / 255f, one[2], 0f);
    float[] three = ImageFiles.read(List.of(grey, rgb), 1, 2, 3);
    float g = 128 / 255f;
    float d = 3 / 255f;
    float q = 64 / 255f;
    assertArrayEquals(new float[] {g, g, g, d, d, d, q, q, q, 1, 0, 0}, three);
  }

  @Test
  void theSizeIsCheckedFromTheHeaderBeforeDecoding() throws IOException {
    Path huge = dir.resolve("huge.png");
    PngWriter.writeZeros(huge, 20000, 20000);
    BadInputException e =
        assertThrows(BadInputException.class, () -> ImageFiles.read(List.of(huge), 28, 28, 1));
    assertEquals(
        huge + ": 20000x20000 pixels (expected 28x28, the model's input size)", e.getMessage());
  }

  @Test
  void alphaIsRefusedUnlessABackgroundIsChosen() throws IOException {
    Path png =
        new PngWriter(2, 1, PngWriter.GREY_ALPHA, 8)
            .samples(0, 0, 0, 255)
            .write(dir.resolve("a.png"));
    BadInputException e =
        assertThrows(BadInputException.class, () -> ImageFiles.read(List.of(png), 1, 2, 1));
    assertEquals(
        png
            + ": 1 of 2 pixels are transparent or translucent (expected an opaque image;"
            + " --alpha-background white|black composites it)",
        e.getMessage());
    assertArrayEquals(
        new float[] {1, 0}, ImageFiles.read(List.of(png), 1, 2, 1, AlphaBackground.WHITE));
    assertArrayEquals(
        new float[] {0, 0}, ImageFiles.read(List.of(png), 1, 2, 1, AlphaBackground.BLACK));
  }
}
