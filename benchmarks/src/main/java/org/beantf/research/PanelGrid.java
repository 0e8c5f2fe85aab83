package org.beantf.research;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** Charts of one size side by side, two per row, in one PNG: the research summaries' figures. */
final class PanelGrid {
  static final int WIDTH = 560;
  static final int HEIGHT = 420;
  private static final int COLUMNS = 2;

  private PanelGrid() {}

  /**
   * Writes {@code panels} ({@link #WIDTH}×{@link #HEIGHT} each) to {@code png}; nothing if none.
   */
  static void write(List<XYChart> panels, Path png) throws IOException {
    if (panels.isEmpty()) {
      return;
    }
    int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
    BufferedImage image =
        new BufferedImage(WIDTH * COLUMNS, HEIGHT * rows, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int i = 0; i < panels.size(); i++) {
      g.drawImage(
          BitmapEncoder.getBufferedImage(panels.get(i)),
          WIDTH * (i % COLUMNS),
          HEIGHT * (i / COLUMNS),
          null);
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }
}
