package org.beantf.models.train;

import java.util.HashMap;
import java.util.Map;
import org.beantf.data.ImageSet;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Feeds batches of an image set through tensors allocated once per batch size and refilled in
 * place, so a training step allocates no native memory for its inputs. Owns its tensors: close it.
 */
public final class BatchFeeder implements AutoCloseable {
  /** The tensors of one batch, valid until the next call to {@link #feed}. */
  public record Fed(TFloat32 images, TInt32 labels) {}

  private final ImageSet source;
  private final float[] pixels;
  private final int[] labels;
  private final Map<Integer, Fed> bySize = new HashMap<>();

  public BatchFeeder(ImageSet source, int maxBatch) {
    this.source = source;
    this.pixels = new float[maxBatch * source.imageSize()];
    this.labels = new int[maxBatch];
  }

  /** The images and labels at {@code indices}, in that order. */
  public Fed feed(int[] indices) {
    int size = source.imageSize();
    for (int i = 0; i < indices.length; i++) {
      source.copyImage(indices[i], pixels, i * size);
      labels[i] = source.label(indices[i]);
    }
    Fed fed =
        bySize.computeIfAbsent(
            indices.length,
            n ->
                new Fed(
                    TFloat32.tensorOf(Shape.of(n).append(source.exampleShape())),
                    TInt32.tensorOf(Shape.of(n))));
    fed.images().asRawTensor().data().asFloats().write(pixels, 0, indices.length * size);
    fed.labels().asRawTensor().data().asInts().write(labels, 0, indices.length);
    return fed;
  }

  @Override
  public void close() {
    for (Fed fed : bySize.values()) {
      fed.images().close();
      fed.labels().close();
    }
    bySize.clear();
  }
}
