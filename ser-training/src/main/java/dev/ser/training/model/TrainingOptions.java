package dev.ser.training.model;

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
 */
public record TrainingOptions(
    int epochs,
    int patience,
    int batchSize,
    float learningRate,
    long seed,
    Augmentation augmentation,
    int averageFrom) {
  public TrainingOptions {
    if (averageFrom < 0) {
      throw new IllegalArgumentException("averageFrom must be 0 (off) or an epoch");
    }
    if (epochs <= 0 || patience <= 0 || batchSize <= 0 || !(learningRate > 0)) {
      throw new IllegalArgumentException(
          "epochs, patience, batch size and learning rate must be positive");
    }
  }

  public static TrainingOptions standard(int epochs, long seed) {
    return new TrainingOptions(epochs, 8, 32, 1e-3f, seed, Augmentation.standard(), 0);
  }

  /** Without augmentation, for tests that need a loss that falls step by step. */
  public static TrainingOptions plain(int epochs, int batchSize, float learningRate, long seed) {
    return new TrainingOptions(
        epochs, epochs, batchSize, learningRate, seed, Augmentation.none(), epochs / 2 + 1);
  }
}
