package org.beantf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.data.images.AlphaBackground;
import org.beantf.data.images.ImageDecoder;
import org.beantf.models.ModelKind;
import org.beantf.models.export.ModelExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.SyntheticData;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.savedmodels.BeanModel;
import org.beantf.savedmodels.Prediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** bean predict on PNGs written from images the model also sees through BeanModel. */
class PredictCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  @TempDir static Path dir;

  private static Path model;
  private static ImageSet images;

  @BeforeAll
  static void trainAndExport() throws Exception {
    images = SyntheticData.images(300, 4);
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).epochs(1).batch(30).threads(2).build();
    Path run = dir.resolve("run");
    new Trainer(config, TrainingListener.SILENT)
        .train(
            new Dataset(DatasetInfo.of(DatasetId.MNIST), images, images),
            RunDirectory.forNewRun(run));
    model =
        ModelExport.export(
            config,
            run.resolve("checkpoint/variables").toString(),
            run.resolve("savedmodel"),
            "mlp",
            0);
    Path pngs = Files.createDirectories(dir.resolve("pngs"));
    for (int i = 0; i < 3; i++) {
      ImageIO.write(gray(images, i), "png", pngs.resolve("digit" + i + ".png").toFile());
    }
    Files.writeString(pngs.resolve("notes.txt"), "not an image, not a .png: skipped");
  }

  /** Image {@code index} as an 8-bit grayscale PNG raster. */
  private static BufferedImage gray(ImageSet set, int index) {
    float[] pixels = new float[784];
    set.copyImage(index, pixels, 0);
    BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int p = 0; p < 784; p++) {
      image.getRaster().setSample(p % 28, p / 28, 0, Math.round(pixels[p] * 255));
    }
    return image;
  }

  @Test
  void printsTheTopClassesOfEachPngInFileOrder() throws Exception {
    assertEquals(
        0,
        BeanCli.run(
            "predict",
            "--model",
            model.toString(),
            "--images",
            dir.resolve("pngs").toString(),
            "--top",
            "2"),
        streams.err());
    List<String> lines = streams.out().lines().toList();
    assertEquals(3, lines.size(), lines.toString());
    try (BeanModel loaded = BeanModel.load(model)) {
      for (int i = 0; i < 3; i++) {
        String[] fields = lines.get(i).split(" ");
        assertEquals(dir.resolve("pngs/digit" + i + ".png").toString(), fields[0]);
        assertEquals(5, fields.length, lines.get(i));
        float[] pixels =
            ImageDecoder.decode(
                    dir.resolve("pngs/digit" + i + ".png"), 1, AlphaBackground.REFUSE, 784)
                .pixels();
        assertEquals(loaded.predict(pixels, 1).classIds()[0], Long.parseLong(fields[1]));
        assertTrue(Double.parseDouble(fields[2]) >= Double.parseDouble(fields[4]), lines.get(i));
      }
    }
  }

  @Test
  void aPngOfTheWrongSizeIsOneLine() throws Exception {
    Path small = dir.resolve("small.png");
    ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY), "png", small.toFile());
    assertEquals(
        BeanCli.BAD_INPUT,
        BeanCli.run("predict", "--model", model.toString(), "--images", small.toString()));
    assertEquals(
        "bean: " + small + ": 20x20 pixels (expected 28x28, the model's input size)",
        streams.err().strip().lines().reduce((a, b) -> b).orElse(""));
  }

  @Test
  void aMissingModelFolderIsOneLine() {
    assertEquals(
        BeanCli.BAD_INPUT,
        BeanCli.run(
            "predict",
            "--model",
            dir.resolve("nosuch").toString(),
            "--images",
            dir.resolve("pngs").toString()));
    assertEquals(
        "bean: --model "
            + dir.resolve("nosuch")
            + ": no such folder (expected a SavedModel folder or model "
            + "base)",
        streams.err().strip());
  }

  @Test
  void aGreyPngAndItsRgbTwinGiveIdenticalPredictions() throws Exception {
    BufferedImage grey = gray(images, 7);
    BufferedImage rgb = new BufferedImage(28, 28, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        int v = grey.getRaster().getSample(x, y, 0);
        rgb.getRaster().setPixel(x, y, new int[] {v, v, v});
      }
    }
    Path twins = Files.createDirectories(dir.resolve("twins"));
    ImageIO.write(grey, "png", twins.resolve("grey.png").toFile());
    ImageIO.write(rgb, "png", twins.resolve("rgb.png").toFile());
    assertEquals(
        0,
        BeanCli.run(
            "predict",
            "--model",
            model.toString(),
            "--images",
            twins.resolve("grey.png").toString(),
            twins.resolve("rgb.png").toString(),
            "--top",
            "10"));
    List<String> lines = streams.out().lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(
        lines.get(0).substring(lines.get(0).indexOf(' ')),
        lines.get(1).substring(lines.get(1).indexOf(' ')),
        "every class and probability");
    try (BeanModel loaded = BeanModel.load(model)) {
      Prediction both =
          loaded.predictImages(List.of(twins.resolve("grey.png"), twins.resolve("rgb.png")));
      assertArrayEquals(both.probabilities()[0], both.probabilities()[1]);
    }
  }
}
