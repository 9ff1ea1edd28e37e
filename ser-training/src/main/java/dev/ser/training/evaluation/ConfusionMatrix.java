package dev.ser.training.evaluation;

import dev.ser.domain.emotion.Emotion;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of (true emotion, predicted emotion) pairs and the scores that follow from them. Rows are
 * the true emotion, columns the predicted one, both in {@link Emotion} declaration order, like
 * {@code sklearn.metrics.confusion_matrix(y_true, y_pred, labels=Emotion order)}.
 *
 * <p>Averages over classes ({@link #unweightedAccuracy()}, {@link #macroF1()}) take only the
 * classes present in the ground truth: a corpus without disgust is not scored on disgust. A class
 * that is never predicted has precision 0 (scikit-learn's {@code zero_division=0}).
 *
 * @param counts {@code [6][6]} non-negative counts, {@code counts[true][predicted]}; at least one
 */
public record ConfusionMatrix(long[][] counts) {
  private static final int SIZE = Emotion.count();

  public ConfusionMatrix {
    if (counts == null || counts.length != SIZE) {
      throw new IllegalArgumentException("expected " + SIZE + " rows");
    }
    long[][] copy = new long[SIZE][];
    long total = 0;
    for (int i = 0; i < SIZE; i++) {
      if (counts[i] == null || counts[i].length != SIZE) {
        throw new IllegalArgumentException("expected " + SIZE + " columns in row " + i);
      }
      for (long count : counts[i]) {
        if (count < 0) {
          throw new IllegalArgumentException("negative count " + count);
        }
        total += count;
      }
      copy[i] = counts[i].clone();
    }
    if (total == 0) {
      throw new IllegalArgumentException("a confusion matrix needs at least one clip");
    }
    counts = copy;
  }

  /** Pairs {@code truth.get(i)} with {@code predicted.get(i)}. */
  public static ConfusionMatrix of(List<Emotion> truth, List<Emotion> predicted) {
    if (truth.size() != predicted.size()) {
      throw new IllegalArgumentException(
          truth.size() + " true labels but " + predicted.size() + " predictions");
    }
    long[][] counts = new long[SIZE][SIZE];
    for (int i = 0; i < truth.size(); i++) {
      counts[truth.get(i).ordinal()][predicted.get(i).ordinal()]++;
    }
    return new ConfusionMatrix(counts);
  }

  @Override
  public long[][] counts() {
    long[][] copy = new long[SIZE][];
    for (int i = 0; i < SIZE; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  public long count(Emotion truth, Emotion predicted) {
    return counts[truth.ordinal()][predicted.ordinal()];
  }

  /** The number of clips. */
  public long n() {
    return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
  }

  /** Clips whose true emotion is {@code emotion}. */
  public long support(Emotion emotion) {
    return Arrays.stream(counts[emotion.ordinal()]).sum();
  }

  /** Clips predicted as {@code emotion}. */
  public long predicted(Emotion emotion) {
    long sum = 0;
    for (long[] row : counts) {
      sum += row[emotion.ordinal()];
    }
    return sum;
  }

  /** The emotions with at least one clip in the ground truth, in declaration order. */
  public List<Emotion> presentClasses() {
    return Arrays.stream(Emotion.values()).filter(e -> support(e) > 0).toList();
  }

  /** Correct predictions over all clips. */
  public double accuracy() {
    long correct = 0;
    for (int i = 0; i < SIZE; i++) {
      correct += counts[i][i];
    }
    return (double) correct / n();
  }

  /**
   * Of the clips that are {@code emotion}, the share predicted as such.
   *
   * @throws IllegalArgumentException when no clip is {@code emotion}: the recall is undefined
   */
  public double recall(Emotion emotion) {
    long support = support(emotion);
    if (support == 0) {
      throw new IllegalArgumentException("no clip is " + emotion.label() + "; recall undefined");
    }
    return (double) count(emotion, emotion) / support;
  }

  /** Of the clips predicted as {@code emotion}, the share that are; 0 when none is predicted. */
  public double precision(Emotion emotion) {
    long predicted = predicted(emotion);
    return predicted == 0 ? 0 : (double) count(emotion, emotion) / predicted;
  }

  /** The harmonic mean of precision and recall; 0 when both are 0. */
  public double f1(Emotion emotion) {
    double precision = precision(emotion);
    double recall = recall(emotion);
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /** UA: the mean recall over the classes present in the ground truth. */
  public double unweightedAccuracy() {
    return presentClasses().stream().mapToDouble(this::recall).average().orElseThrow();
  }

  /** The mean F1 over the classes present in the ground truth. */
  public double macroF1() {
    return presentClasses().stream().mapToDouble(this::f1).average().orElseThrow();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfusionMatrix that && Arrays.deepEquals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix" + Arrays.deepToString(counts);
  }
}
