package dev.ser.training.model;

import dev.ser.inference.ModelCard;
import dev.ser.inference.Normalisation;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a training run: the kept (best) weights and how they score.
 *
 * @param architecture the network's shape
 * @param normalisation the training-set statistics
 * @param weights every weight and running statistic by name, from the best epoch
 * @param epochs epochs run
 * @param bestEpoch the epoch (1-based) whose weights were kept
 * @param epochLosses mean training loss of each epoch
 * @param epochScores mean validation UA (over corpora) after each epoch; empty when the epochs were
 *     not scored
 * @param validation the best epoch's metrics per validation corpus
 * @param seconds wall-clock time of the run
 * @param keptWeights which weights were kept, e.g. {@code "epoch 12"} or a mean over epochs
 */
public record TrainedModel(
    Architecture architecture,
    Normalisation normalisation,
    Map<String, float[]> weights,
    int epochs,
    int bestEpoch,
    List<Double> epochLosses,
    List<Double> epochScores,
    Map<String, ModelCard.Metrics> validation,
    double seconds,
    String keptWeights) {
  public TrainedModel {
    weights = Map.copyOf(weights);
    epochLosses = List.copyOf(epochLosses);
    epochScores = List.copyOf(epochScores);
    validation = Map.copyOf(validation);
  }
}
