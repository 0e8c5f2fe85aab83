package org.beantf.data;

/**
 * What a model's input is, and the name of the SavedModel input that takes it (DESIGN.md
 * "SavedModel").
 */
public enum InputKind {
  /** Images, float32 [-1, H, W, C], raw pixels in [0,1]. */
  IMAGES("images"),
  /** Rows of a table or of an [S, F] array, float32 [-1, F], as the file holds them. */
  FEATURES("features");

  private final String inputName;

  InputKind(String inputName) {
    this.inputName = inputName;
  }

  /** The SavedModel input's name: "images" or "features". */
  public String inputName() {
    return inputName;
  }
}
