package dev.ser.inference;

import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The trained CNN+GRU as a TensorFlow SavedModel plus its {@link ModelCard}. Load it once per
 * application and share it: the one TensorFlow session it holds is safe to call from many threads,
 * and every tensor of a call is closed before the call returns.
 *
 * <p>The serving signature {@value #SIGNATURE} takes {@value #LOG_MEL} {@code [n][300][n_mels]},
 * {@value #FRAMES} {@code [n][300][n_mfcc + 2]} and {@value #MASK} {@code [n][300]} (see {@link
 * InputWindow}) and returns {@value #PROBABILITIES} {@code [n][6]} in {@link Emotion} order.
 */
public final class EmotionModel implements AutoCloseable {
  public static final String SIGNATURE = "serving_default";
  public static final String LOG_MEL = "logmel";
  public static final String FRAMES = "frames";
  public static final String MASK = "mask";
  public static final String PROBABILITIES = "probabilities";

  /** Where the bundled model lives on the class path (inside the ser-inference jar). */
  public static final String BUNDLED = "/dev/ser/inference/model/";

  private static final List<String> BUNDLED_FILES =
      List.of(
          "saved_model.pb",
          "variables/variables.index",
          "variables/variables.data-00000-of-00001",
          ModelCard.FILE_NAME,
          "MODEL_CARD.md");

  /**
   * Heavy ops (the convolutions) use every core; the graph's ops run one after the other, which
   * suits the unrolled GRU's chain of small ops: on 2 cores a 5 s clip takes about 4.4 ms instead
   * of 5.7 ms with TensorFlow's default of one scheduling thread per core.
   */
  private static final ConfigProto SESSION_CONFIG =
      ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(Runtime.getRuntime().availableProcessors())
          .setInterOpParallelismThreads(1)
          .build();

  /**
   * Windows per session call: what concurrent requests share (see {@link WindowBatcher}), and the
   * bound on the memory of one call on long audio.
   */
  private static final int MAX_BATCH = 64;

  private final SavedModelBundle bundle;
  private final SessionFunction function;
  private final ModelCard card;
  private final Optional<Path> extractedFrom;
  private final WindowBatcher batcher;

  private EmotionModel(
      SavedModelBundle bundle, SessionFunction function, ModelCard card, Optional<Path> temp) {
    this.bundle = bundle;
    this.function = function;
    this.card = card;
    this.extractedFrom = temp;
    this.batcher = new WindowBatcher(this::run, MAX_BATCH);
  }

  /**
   * Loads the model in {@code dir} after checking that it was trained on features made with {@code
   * spec} and uses the product's label order and window layout.
   *
   * @throws ModelException when anything does not fit; nothing is left open then
   */
  public static EmotionModel load(Path dir, FeatureSpec spec) {
    return load(dir, spec, Optional.empty());
  }

  /**
   * The model bundled in this jar, extracted to a temporary directory that {@link #close()}
   * removes.
   */
  public static EmotionModel bundled(FeatureSpec spec) {
    Path temp;
    try {
      temp = Files.createTempDirectory("ser-model");
      for (String name : BUNDLED_FILES) {
        try (InputStream in = EmotionModel.class.getResourceAsStream(BUNDLED + name)) {
          if (in != null) {
            Path target = temp.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new ModelException(
          "model_unavailable", "cannot extract the bundled model: " + e.getMessage(), e);
    }
    try {
      return load(temp, spec, Optional.of(temp));
    } catch (RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  private static EmotionModel load(Path dir, FeatureSpec spec, Optional<Path> temp) {
    Path cardFile = dir.resolve(ModelCard.FILE_NAME);
    if (!Files.isRegularFile(cardFile) || !Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new ModelException(
          "model_unavailable",
          "no model in " + dir + " (expected saved_model.pb and " + ModelCard.FILE_NAME + ")");
    }
    ModelCard card = ModelCard.read(cardFile);
    requireCompatible(card, spec);
    SavedModelBundle bundle;
    try {
      bundle =
          SavedModelBundle.loader(dir.toString())
              .withTags(SavedModelBundle.DEFAULT_TAG)
              .withConfigProto(SESSION_CONFIG)
              .load();
    } catch (RuntimeException e) {
      throw new ModelException(
          "model_unreadable", "cannot load SavedModel " + dir + ": " + e.getMessage(), e);
    }
    try {
      SessionFunction function = bundle.function(SIGNATURE);
      if (!function.signature().inputNames().containsAll(List.of(LOG_MEL, FRAMES, MASK))
          || !function.signature().outputNames().contains(PROBABILITIES)) {
        throw new ModelException(
            "model_unreadable",
            "signature " + SIGNATURE + " of " + dir + " is " + function.signature());
      }
      return new EmotionModel(bundle, function, card, temp);
    } catch (RuntimeException e) {
      bundle.close();
      throw e instanceof ModelException m
          ? m
          : new ModelException("model_unreadable", "no signature " + SIGNATURE + " in " + dir, e);
    }
  }

  private static void requireCompatible(ModelCard card, FeatureSpec spec) {
    if (!card.featureSpec().equals(spec)) {
      throw new ModelException(
          "model_spec_mismatch",
          "the model was trained on features "
              + card.featureSpec()
              + " but the extractor makes "
              + spec
              + "; retrain the model or use the matching FeatureSpec");
    }
    if (!card.labels().equals(ModelCard.productLabels())) {
      throw new ModelException(
          "model_labels_mismatch",
          "model labels " + card.labels() + " differ from " + ModelCard.productLabels());
    }
    if (card.windowFrames() != ModelFrames.WINDOW_FRAMES
        || card.hopFrames() != ModelFrames.HOP_FRAMES
        || card.minFrames() != ModelFrames.MIN_FRAMES) {
      throw new ModelException(
          "model_window_mismatch",
          "model windows ("
              + card.windowFrames()
              + "/"
              + card.hopFrames()
              + "/"
              + card.minFrames()
              + " frames) differ from this build's");
    }
  }

  public ModelCard card() {
    return card;
  }

  public String version() {
    return card.version();
  }

  /**
   * Softmax probabilities of each window, {@code [windows][6]} in {@link Emotion} order, scaled by
   * the card's {@link Calibration}. Windows of concurrent callers may share one session call; a
   * window's probabilities do not depend on its company beyond float rounding.
   *
   * @throws IllegalArgumentException for windows of another shape than the model's
   */
  public float[][] probabilities(List<InputWindow> windows) {
    int mels = card.featureSpec().nMels();
    int width = card.featureSpec().nMfcc() + 2;
    for (InputWindow window : windows) {
      if (window.windowFrames() != card.windowFrames()
          || window.logMel().length != card.windowFrames() * mels
          || window.frameFeatures().length != card.windowFrames() * width) {
        throw new IllegalArgumentException("window shape does not match the model");
      }
    }
    return windows.isEmpty() ? new float[0][] : batcher.probabilities(windows);
  }

  /** One session call on at most {@link #MAX_BATCH} windows. */
  private float[][] run(List<InputWindow> windows) {
    int n = windows.size();
    int mels = card.featureSpec().nMels();
    int width = card.featureSpec().nMfcc() + 2;
    long frames = card.windowFrames();
    try (TFloat32 logMel = tensor(Shape.of(n, frames, mels), windows, InputWindow::logMel);
        TFloat32 frame = tensor(Shape.of(n, frames, width), windows, InputWindow::frameFeatures);
        TFloat32 mask = tensor(Shape.of(n, frames), windows, InputWindow::mask);
        Result result =
            function.call(Map.<String, Tensor>of(LOG_MEL, logMel, FRAMES, frame, MASK, mask))) {
      float[][] rows = rows((TFloat32) result.get(PROBABILITIES).orElseThrow(), n);
      Calibration calibration = card.calibration();
      if (calibration.temperature() != 1) {
        for (int i = 0; i < n; i++) {
          rows[i] = calibration.apply(rows[i]);
        }
      }
      return rows;
    }
  }

  /**
   * The rows of a probabilities tensor {@code [n][6]}, as the serving signature and the training
   * graph produce it.
   */
  public static float[][] rows(TFloat32 probabilities, int n) {
    int classes = Emotion.count();
    float[] flat = new float[n * classes];
    probabilities.copyTo(DataBuffers.of(flat, false, false));
    float[][] rows = new float[n][classes];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * classes, rows[i], 0, classes);
    }
    return rows;
  }

  private static TFloat32 tensor(
      Shape shape, List<InputWindow> windows, Function<InputWindow, float[]> component) {
    return TFloat32.tensorOf(
        shape, DataBuffers.of(InputWindow.pack(windows, component), true, false));
  }

  @Override
  public void close() {
    batcher.close();
    bundle.close();
    extractedFrom.ifPresent(EmotionModel::deleteQuietly);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      dir.toFile().deleteOnExit();
    }
  }
}
