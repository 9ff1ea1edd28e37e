package dev.ser.inference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a trained model is and how it was made: {@code model-card.json} next to the SavedModel. The
 * loader uses the label order, feature spec and window layout; the rest is for people.
 *
 * @param version a version string shown with every prediction
 * @param labels the output order; must equal {@link Emotion}'s labels in declaration order
 * @param featureSpec the spec the features were extracted with
 * @param windowFrames frames per model window
 * @param hopFrames frames between window starts on long audio
 * @param minFrames the shortest clip the model accepts
 * @param normalisation the training-set statistics baked into the graph
 * @param architecture a one-paragraph description of the network
 * @param licence the licence the weights inherit from the training corpora
 * @param training how it was trained
 * @param validation metrics per held-out corpus, keyed by corpus name
 * @param calibration the temperature serving applies to every window's probabilities; {@link
 *     Calibration#NONE} for a card without one
 * @param crossValidation what to expect on new speakers of each corpus, from cross-validation over
 *     speaker folds (and leave-one-corpus-out runs where they were made); empty if none was run
 */
public record ModelCard(
    String version,
    List<String> labels,
    FeatureSpec featureSpec,
    int windowFrames,
    int hopFrames,
    int minFrames,
    Normalisation normalisation,
    String architecture,
    String licence,
    Training training,
    Map<String, Metrics> validation,
    Calibration calibration,
    Map<String, Estimate> crossValidation) {

  public static final String FILE_NAME = "model-card.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ModelCard {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(featureSpec, "featureSpec");
    Objects.requireNonNull(normalisation, "normalisation");
    labels = List.copyOf(labels);
    validation = Map.copyOf(validation);
    calibration = calibration == null ? Calibration.NONE : calibration;
    crossValidation = crossValidation == null ? Map.of() : Map.copyOf(crossValidation);
    if (windowFrames <= 0 || hopFrames <= 0 || minFrames <= 0 || minFrames > windowFrames) {
      throw new IllegalArgumentException("need 0 < minFrames <= windowFrames and hopFrames > 0");
    }
  }

  /**
   * How the model was trained.
   *
   * @param command the exact command that reproduces the model
   * @param seed the random seed
   * @param corpora corpus name to what was read from it and its licence
   * @param trainSpeakers speakers whose clips were trained on
   * @param validationSpeakers held-out speakers, never trained on
   * @param epochs epochs run
   * @param bestEpoch the epoch whose weights were kept (best mean validation UA)
   * @param seconds wall-clock training time
   * @param classCounts training clips per corpus and label
   * @param keptWeights which weights the model holds, e.g. {@code "epoch 12"} or a mean of the
   *     weights over several epochs
   */
  public record Training(
      String command,
      long seed,
      Map<String, String> corpora,
      List<String> trainSpeakers,
      List<String> validationSpeakers,
      int epochs,
      int bestEpoch,
      double seconds,
      Map<String, Map<String, Integer>> classCounts,
      String keptWeights) {}

  /**
   * Clip-level metrics on held-out speakers; classes absent from the corpus are left out of UA.
   *
   * @param clips how many clips
   * @param accuracy fraction correct
   * @param unweightedAccuracy mean recall over the classes present
   * @param recall per-label recall of the classes present
   * @param confusion {@code [true][predicted]} counts in label order
   */
  public record Metrics(
      int clips,
      double accuracy,
      double unweightedAccuracy,
      Map<String, Double> recall,
      int[][] confusion) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Metrics that
          && clips == that.clips
          && accuracy == that.accuracy
          && unweightedAccuracy == that.unweightedAccuracy
          && recall.equals(that.recall)
          && Arrays.deepEquals(confusion, that.confusion);
    }

    @Override
    public int hashCode() {
      return Objects.hash(clips, accuracy, unweightedAccuracy, recall);
    }
  }

  /**
   * Unweighted accuracy on speakers the model never heard, over the folds of a cross-validation:
   * each fold's model scored on its own held-out speakers, with no epoch chosen on them.
   *
   * @param folds folds that held out speakers of this corpus
   * @param clips held-out clips over all folds
   * @param speakers held-out speakers over all folds
   * @param mean mean UA over the folds
   * @param sd standard deviation of the folds' UA
   * @param min the lowest fold's UA
   * @param max the highest fold's UA
   * @param pooled UA of all held-out clips together
   * @param speakerMin the lowest single speaker's UA (speakers with every class of the corpus)
   * @param speakerMax the highest single speaker's UA
   * @param method how it was measured, e.g. {@code "5-fold over speakers"} or {@code "corpus left
   *     out"}
   */
  public record Estimate(
      int folds,
      int clips,
      int speakers,
      double mean,
      double sd,
      double min,
      double max,
      double pooled,
      double speakerMin,
      double speakerMax,
      String method) {}

  /** The product's label order, which every model must use. */
  public static List<String> productLabels() {
    return Arrays.stream(Emotion.values()).map(Emotion::label).toList();
  }

  public static ModelCard read(Path file) {
    try {
      return JSON.readValue(file.toFile(), ModelCard.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelException(
          "model_card_unreadable", "cannot read model card " + file + ": " + e.getMessage(), e);
    }
  }

  public void write(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }
}
