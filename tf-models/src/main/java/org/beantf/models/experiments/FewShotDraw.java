package org.beantf.models.experiments;

import org.beantf.data.DatasetId;
import org.beantf.data.sampling.FewShotSampler;
import org.beantf.data.sampling.Seeds;

/**
 * One draw of k shots per class with its validation images, seeded by (dataset, k, draw) only, so
 * every method of an experiment sees the same images in a draw whatever else the grid holds. Tuning
 * draws have seeds of their own, distinct from every reported draw's.
 *
 * @param seed the draw's seed; the network's initialisation and dropout derive from it (so every
 *     method of a draw also starts from the same weights: the comparison is paired)
 * @param shots indices of the training images to train on
 * @param validation indices of the training images to select on
 */
public record FewShotDraw(long seed, int[] shots, int[] validation) {
  /** The root of every few-shot seed. */
  static final long ROOT_SEED = 2020;

  /** Reported draw {@code draw} of {@code shots} per class. */
  public static FewShotDraw reported(
      FewShotProtocol protocol, DatasetId dataset, int[] labels, int shots, int draw) {
    return of(
        protocol,
        labels,
        dataset.classes(),
        shots,
        Seeds.derive(ROOT_SEED, "fewshot:" + dataset.cliName(), shots, draw));
  }

  /** Tuning draw {@code tuning} (0, 1, 2) of {@code shots} per class. */
  public static FewShotDraw tuning(
      FewShotProtocol protocol, DatasetId dataset, int[] labels, int shots, int tuning) {
    return of(
        protocol,
        labels,
        dataset.classes(),
        shots,
        Seeds.derive(ROOT_SEED, "fewshot-tuning:" + dataset.cliName(), shots, tuning));
  }

  private static FewShotDraw of(
      FewShotProtocol protocol, int[] labels, int classes, int shots, long seed) {
    if (protocol == FewShotProtocol.STRICT) {
      FewShotSampler.FewShot drawn =
          FewShotSampler.sample(
              labels,
              classes,
              shots,
              0,
              labels.length,
              FewShotProtocol.STRICT_VALIDATION_PER_CLASS,
              seed);
      return new FewShotDraw(seed, drawn.shots(), drawn.validation());
    }
    FewShotSampler.FewShot drawn =
        FewShotSampler.sample(
            labels,
            classes,
            shots,
            0,
            Math.min(FewShotProtocol.AUTHORS_SHOT_RANGE, labels.length),
            0,
            seed);
    return new FewShotDraw(
        seed,
        drawn.shots(),
        FewShotSampler.randomSample(
            labels.length, Math.min(FewShotProtocol.AUTHORS_VALIDATION, labels.length), seed));
  }

  /** The seed of the network's initialisation and dropout masks. */
  public long networkSeed() {
    return Seeds.derive(seed, "network");
  }
}
