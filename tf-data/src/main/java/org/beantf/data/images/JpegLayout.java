package org.beantf.data.images;

import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Node;

/** How many components a JPEG's SOF declares, from the reader's native metadata. */
final class JpegLayout {
  static final String FORMAT = "javax_imageio_jpeg_image_1.0";

  private JpegLayout() {}

  /** 1 for a one-component (grey) JPEG, 3 for any other (YCbCr, RGB, CMYK, YCCK). */
  static int channels(ImageReader reader) throws IOException {
    int components = components(reader);
    if (components < 0) {
      Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
      components = types.hasNext() ? types.next().getNumBands() : 3;
    }
    return components == 1 ? 1 : 3;
  }

  /** The SOF's component count, or −1 if the metadata does not say. */
  private static int components(ImageReader reader) throws IOException {
    IIOMetadata metadata = reader.getImageMetadata(0);
    if (metadata == null || !isSupported(metadata)) {
      return -1;
    }
    Node root = metadata.getAsTree(FORMAT);
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if ("markerSequence".equals(n.getNodeName())) {
        for (Node m = n.getFirstChild(); m != null; m = m.getNextSibling()) {
          if ("sof".equals(m.getNodeName())) {
            int count = 0;
            for (Node c = m.getFirstChild(); c != null; c = c.getNextSibling()) {
              if ("componentSpec".equals(c.getNodeName())) {
                count++;
              }
            }
            return count;
          }
        }
      }
    }
    return -1;
  }

  private static boolean isSupported(IIOMetadata metadata) {
    if (FORMAT.equals(metadata.getNativeMetadataFormatName())) {
      return true;
    }
    String[] extra = metadata.getExtraMetadataFormatNames();
    if (extra != null) {
      for (String name : extra) {
        if (FORMAT.equals(name)) {
          return true;
        }
      }
    }
    return false;
  }
}
