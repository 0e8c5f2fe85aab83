package org.beantf.savedmodels;

/**
 * What {@link BeanModel#predict} returns for a batch: per image, the class probabilities, the most
 * probable class and the logits.
 */
public record Prediction(float[][] probabilities, long[] classIds, float[][] logits) {

  /** The number of images. */
  public int size() {
    return classIds.length;
  }
}
