package org.beantf.data;

/**
 * A dataset in memory: what it is, its training set and its test set.
 *
 * @param info the source, shape, class names and preprocessing
 * @param train the training set (a validation hold-out is taken from it by the trainer)
 * @param test the test set: the source's own, or a stratified split of its examples
 */
public record Dataset(DatasetInfo info, ImageSet train, ImageSet test) {

  /** The number of classes. */
  public int classes() {
    return info.classes();
  }

  /** One line: name, sizes, shape and classes. */
  public String summary() {
    String what = info.input() == InputKind.IMAGES ? " images of " : " rows of ";
    return info.name()
        + ": "
        + train.size()
        + " training and "
        + test.size()
        + " test"
        + what
        + info.describeShape()
        + ", "
        + classes()
        + " classes";
  }
}
