package org.beantf.data;

/** A dataset as loaded from the cache: its training base and its test set. */
public record Dataset(DatasetId id, ImageSet train, ImageSet test) {

  /** The number of classes (10 for every dataset here). */
  public int classes() {
    return id.classes();
  }

  /** One line: name, sizes and image shape. */
  public String summary() {
    return id.cliName()
        + ": "
        + train.size()
        + " training and "
        + test.size()
        + " test images of "
        + train.height()
        + "x"
        + train.width()
        + "x"
        + train.channels()
        + ", "
        + classes()
        + " classes";
  }
}
