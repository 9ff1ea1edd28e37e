package dev.ser.training.model;

import dev.ser.audio.feature.FeatureSpec;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.ModelCard;
import dev.ser.inference.ModelFrames;
import dev.ser.inference.Normalisation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

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
   * @return the card written
   */
  public static ModelCard write(
      Path dir,
      TrainedModel model,
      FeatureSpec spec,
      String version,
      String licence,
      ModelCard.Training training)
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
            model.validation());
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
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      long window = architecture.windowFrames();
      Placeholder<TFloat32> logMel =
          input(tf, EmotionModel.LOG_MEL, Shape.of(-1, window, architecture.melBins()));
      Placeholder<TFloat32> frames =
          input(tf, EmotionModel.FRAMES, Shape.of(-1, window, architecture.frameWidth()));
      Placeholder<TFloat32> mask = input(tf, EmotionModel.MASK, Shape.of(-1, window));
      Network network = new Network(architecture, normalisation, new Constants(tf, weights), 0L);
      Operand<TFloat32> probabilities =
          tf.withName(EmotionModel.PROBABILITIES)
              .nn
              .softmax(
                  network.logits(
                      tf, logMel, frames, mask, false, Optional.empty(), new ArrayList<>()));
      Signature signature =
          Signature.builder()
              .key(EmotionModel.SIGNATURE)
              .input(EmotionModel.LOG_MEL, logMel)
              .input(EmotionModel.FRAMES, frames)
              .input(EmotionModel.MASK, mask)
              .output(EmotionModel.PROBABILITIES, probabilities)
              .build();
      try (Session session = new Session(graph)) {
        SavedModelBundle.exporter(dir.toString())
            .withFunction(SessionFunction.create(signature, session))
            .export();
      }
    }
    card.write(dir.resolve(ModelCard.FILE_NAME));
    Files.writeString(dir.resolve("MODEL_CARD.md"), ModelCardText.markdown(card));
  }

  private static Placeholder<TFloat32> input(Ops tf, String name, Shape shape) {
    return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(shape));
  }
}
