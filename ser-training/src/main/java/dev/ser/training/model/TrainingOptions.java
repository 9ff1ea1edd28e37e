package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import java.util.Arrays;

/**
 * The knobs of one training run.
 *
 * @param epochs most epochs to run
 * @param patience stop after this many epochs without a better mean validation UA
 * @param batchSize windows per optimiser step
 * @param learningRate Adam's learning rate
 * @param seed fixes initial weights, sampling, augmentation and dropout
 * @param augmentation what happens to each training window
 * @param averageFrom from this epoch on, the weights of every epoch are averaged (stochastic weight
 *     averaging, Izmailov et al. 2018), and the average is kept if it scores better than the best
 *     single epoch; 0 for no averaging
 * @param labelSmoothing the share {@code e} of each target spread evenly over the six emotions
 *     (Szegedy et al. 2016): the true class gets {@code 1 - e + e / 6}, the others {@code e / 6},
 *     so the network is not pushed towards ever more confident logits on a few thousand acted clips
 * @param speakerAdversary the weight of a speaker adversary (Ganin et al. 2016's gradient reversal,
 *     used for speaker-invariant emotion features by Abdelwahab & Busso 2018): a small classifier
 *     learns to name the training speaker from the utterance embedding, and the embedding is pushed
 *     the other way with this weight, so it carries less of who speaks; 0 for none
 * @param sampling how often each clip is drawn ({@link Sampling})
 * @param mixup {@code alpha} of {@link Mixup}'s {@code Beta(alpha, alpha)}; 0 for no mixup
 * @param keepAverage keep the weight average from {@code averageFrom} to the last epoch whatever
 *     the validation says, so no choice is made on the held-out speakers (cross-validation folds,
 *     and a final model trained on every speaker)
 */
public record TrainingOptions(
    int epochs,
    int patience,
    int batchSize,
    float learningRate,
    long seed,
    Augmentation augmentation,
    int averageFrom,
    float labelSmoothing,
    float speakerAdversary,
    Sampling sampling,
    float mixup,
    boolean keepAverage) {
  public TrainingOptions {
    if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
      throw new IllegalArgumentException("labelSmoothing must be in [0, 1)");
    }
    if (!(speakerAdversary >= 0 && speakerAdversary <= 10)) {
      throw new IllegalArgumentException("speakerAdversary must be in [0, 10]");
    }
    if (!(mixup >= 0 && mixup <= 10)) {
      throw new IllegalArgumentException("mixup must be in [0, 10]");
    }
    if (sampling == null) {
      throw new IllegalArgumentException("sampling must be given");
    }
    if (averageFrom < 0 || (keepAverage && averageFrom == 0)) {
      throw new IllegalArgumentException(
          "averageFrom must be 0 (off) or an epoch, and an epoch to keep the average");
    }
    if (epochs <= 0 || patience <= 0 || batchSize <= 0 || !(learningRate > 0)) {
      throw new IllegalArgumentException(
          "epochs, patience, batch size and learning rate must be positive");
    }
  }

  /** The training target of a window labelled {@code emotion}: {@code [6]}, summing to 1. */
  public float[] target(Emotion emotion) {
    float[] target = new float[Emotion.count()];
    Arrays.fill(target, labelSmoothing / Emotion.count());
    target[emotion.ordinal()] += 1 - labelSmoothing;
    return target;
  }

  public static TrainingOptions standard(int epochs, long seed) {
    return new TrainingOptions(
        epochs,
        8,
        32,
        1e-3f,
        seed,
        Augmentation.standard(),
        0,
        0f,
        0f,
        Sampling.EMOTIONS,
        0f,
        false);
  }

  /** Without augmentation, for tests that need a loss that falls step by step. */
  public static TrainingOptions plain(int epochs, int batchSize, float learningRate, long seed) {
    return new TrainingOptions(
        epochs,
        epochs,
        batchSize,
        learningRate,
        seed,
        Augmentation.none(),
        epochs / 2 + 1,
        0f,
        0f,
        Sampling.CELLS,
        0f,
        false);
  }
}
