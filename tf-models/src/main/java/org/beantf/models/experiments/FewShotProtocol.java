package org.beantf.models.experiments;

import java.util.Locale;
import org.beantf.bean.Normalization;
import org.beantf.data.InvalidSettingException;
import org.beantf.models.train.FewShotTrainer;

/**
 * How a few-shot network is trained and selected (REFERENCE.md, issue 7).
 *
 * <ul>
 *   <li>{@code STRICT}: shots from the whole training base; 10 validation images per class from the
 *       rest of it, disjoint from the shots; hyper-parameters chosen on tuning draws; full-batch
 *       Adam for 500 steps, validated every {@value #VALIDATE_EVERY} steps, the best validated step
 *       kept. BEAN under the paper's normalisation.
 *   <li>{@code AUTHORS}: the authors' code: shots from the first 50,000 training images; 10,000
 *       random training images for validation (which may hold the shots); batch size 1 for 200
 *       epochs (1-shot) or 100 (more shots), the best validated epoch kept; BEAN without
 *       normalisation, α fixed (no tuning draws; {@link FewShotOptions#perDraw} chooses among
 *       several settings on each draw's validation set).
 * </ul>
 */
public enum FewShotProtocol {
  STRICT,
  AUTHORS;

  /**
   * Steps of strict full-batch training (the "up to 500"; {@code --steps} sets fewer for
   * quick trials).
   */
  public static final int STRICT_STEPS = 500;

  /**
   * Adam's learning rate under both protocols: the paper's (and the authors' code's), whatever bean
   * train's default.
   */
  public static final double LEARNING_RATE = 5e-4;

  /**
   * Steps between two validations in the strict protocol: validation of 100 images costs ~3 steps
   * of 1-shot.
   */
  public static final int VALIDATE_EVERY = 10;

  public static final int STRICT_VALIDATION_PER_CLASS = 10;
  public static final int AUTHORS_SHOT_RANGE = 50_000;
  public static final int AUTHORS_VALIDATION = 10_000;

  /** The authors' batch size. */
  public static final int AUTHORS_BATCH = 1;

  /** The authors' epochs for 1 shot per class. */
  public static final int AUTHORS_EPOCHS_1_SHOT = 200;

  /** The authors' epochs for more shots. */
  public static final int AUTHORS_EPOCHS = 100;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FewShotProtocol parse(String name) {
    for (FewShotProtocol protocol : values()) {
      if (protocol.cliName().equals(name)) {
        return protocol;
      }
    }
    throw new InvalidSettingException(
        "protocol", name, "unknown protocol (expected strict or authors)");
  }

  /**
   * The training schedule for {@code shots} images per class; {@code steps} counts only in the
   * strict protocol, {@code epochs} (null for the authors' own) only in the authors' one.
   */
  public FewShotTrainer.Schedule schedule(int shots, int steps, Integer epochs) {
    return this == STRICT
        ? FewShotTrainer.Schedule.fullBatch(VALIDATE_EVERY, steps / VALIDATE_EVERY)
        : FewShotTrainer.Schedule.epochs(
            AUTHORS_BATCH,
            epochs != null ? epochs : shots == 1 ? AUTHORS_EPOCHS_1_SHOT : AUTHORS_EPOCHS);
  }

  /** BEAN's normalisation: the paper's, or none as in the authors' code (their α). */
  public Normalization normalization() {
    return this == STRICT ? Normalization.PAPER : Normalization.NONE;
  }
}
