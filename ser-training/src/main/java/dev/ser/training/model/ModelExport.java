package dev.ser.training.model;

import dev.ser.audio.feature.FeatureSpec;
import dev.ser.inference.Calibration;
import dev.ser.inference.ModelCard;
import dev.ser.inference.ModelFrames;
import dev.ser.inference.Normalisation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;

/**
 * Writes a trained model as an inference-only SavedModel (the evaluation pass with every weight and
 * running statistic frozen as a constant, so there is nothing to initialise or restore) plus {@code
 * model-card.json} and {@code MODEL_CARD.md}.
 */
public final class ModelExport {
  private ModelExport() {}

  /**
   * Writes {@code model} to {@code dir} with its card.
   *
   * @param spec the feature spec the examples were extracted with
   * @param version the version shown with every prediction
   * @param licence the licence the weights inherit from the corpora
   * @param training how the model was trained (command, seed, corpora, split)
   * @param calibration the temperature serving applies
   * @param crossValidation what to expect on new speakers, per corpus; empty if not measured
   * @return the card written
   */
  public static ModelCard write(
      Path dir,
      TrainedModel model,
      FeatureSpec spec,
      String version,
      String licence,
      ModelCard.Training training,
      Calibration calibration,
      Map<String, ModelCard.Estimate> crossValidation)
      throws IOException {
    ModelCard card =
        new ModelCard(
            version,
            ModelCard.productLabels(),
            spec,
            model.architecture().windowFrames(),
            ModelFrames.HOP_FRAMES,
            ModelFrames.MIN_FRAMES,
            model.normalisation(),
            model.architecture().describe(),
            licence,
            training,
            model.validation(),
            calibration,
            crossValidation);
    write(dir, model.architecture(), model.normalisation(), model.weights(), card);
    return card;
  }

  private static void write(
      Path dir,
      Architecture architecture,
      Normalisation normalisation,
      Map<String, float[]> weights,
      ModelCard card)
      throws IOException {
    Files.createDirectories(dir);
    try (FrozenNetwork network = new FrozenNetwork(architecture, normalisation, weights)) {
      SavedModelBundle.exporter(dir.toString())
          .withFunction(SessionFunction.create(network.signature(), network.session()))
          .export();
    }
    card.write(dir.resolve(ModelCard.FILE_NAME));
    Files.writeString(dir.resolve("MODEL_CARD.md"), ModelCardText.markdown(card));
  }
}
