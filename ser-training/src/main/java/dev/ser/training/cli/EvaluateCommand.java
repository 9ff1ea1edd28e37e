package dev.ser.training.cli;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.training.codec.RecordingPath;
import dev.ser.training.corpus.Clip;
import dev.ser.training.corpus.Corpora;
import dev.ser.training.evaluation.Evaluation;
import dev.ser.training.evaluation.EvaluationResult;
import dev.ser.training.evaluation.RecordingPathComparison;
import dev.ser.training.evaluation.Skipped;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * {@code ./ser evaluate SPEC... [--model DIR] [--json | --codecs] [--threads N]}: predicts every
 * clip of the given corpora (a CSV manifest, {@code ravdess:DIR}, … see docs/corpora.md) and prints
 * accuracy, UA, macro-F1, per-class scores and the confusion matrix; with {@code --json}, one JSON
 * object (the keys of {@link EvaluationResult#toJson()} plus {@code model}, the model's version).
 * With {@code --codecs}, every clip is sent along each {@link RecordingPath} instead and the {@link
 * RecordingPathComparison} table is printed: whether the answer survives an MP3, a phone's AAC or a
 * browser's Opus. Files that cannot be decoded or predicted are listed on stderr and left out of
 * the scores.
 */
final class EvaluateCommand implements Main.Command {

  /**
   * A model ready to classify files, or audio as the product's decoder delivers it, closed when the
   * evaluation is done.
   */
  interface LoadedModel
      extends Evaluation.Classifier, RecordingPathComparison.Classifier, AutoCloseable {
    String version();
  }

  /** Loads the model in a directory, or the bundled one when the directory is empty. */
  interface ModelLoader {
    LoadedModel load(Optional<Path> dir);
  }

  private final ModelLoader loader;
  private final PrintStream err;

  EvaluateCommand() {
    this(Recognizer::load, System.err);
  }

  EvaluateCommand(ModelLoader loader, PrintStream err) {
    this.loader = loader;
    this.err = err;
  }

  @Override
  public String summary() {
    return "MANIFEST.csv|SPEC... [--model DIR] [--json | --codecs] [--threads N]: accuracy, UA,"
        + " macro-F1, confusion; with --codecs, the same per recording path (MP3, AAC, Opus...)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    List<String> specs = new ArrayList<>();
    Optional<Path> modelDir = Optional.empty();
    boolean json = false;
    boolean codecs = false;
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--json" -> json = true;
        case "--codecs" -> codecs = true;
        case "--model" -> {
          Path dir = Path.of(value(args, i++, "--model needs a model directory"));
          if (!Files.isDirectory(dir)) {
            throw new Main.UsageException("--model " + dir + " is not a directory");
          }
          modelDir = Optional.of(dir);
        }
        case "--threads" -> threads = threads(value(args, i++, "--threads needs a number"));
        default -> {
          if (args[i].startsWith("--")) {
            throw new Main.UsageException("unknown option " + args[i]);
          }
          specs.add(args[i]);
        }
      }
    }
    if (specs.isEmpty()) {
      throw new Main.UsageException(
          "usage: ./ser evaluate MANIFEST.csv|SPEC... [--model DIR] [--json | --codecs]"
              + " [--threads N]");
    }
    if (json && codecs) {
      throw new Main.UsageException("--codecs prints a table; it has no --json form");
    }
    List<Clip> clips = Corpora.readAll(specs);
    if (codecs) {
      return compareRecordingPaths(clips, modelDir, threads, out);
    }
    EvaluationResult result;
    String version;
    try (LoadedModel model = loader.load(modelDir)) {
      version = model.version();
      err.printf(
          "evaluating %d clips with model %s on %d threads%n", clips.size(), version, threads);
      result = Evaluation.run(clips, model, threads, progress(clips.size()));
    }
    for (Skipped skipped : result.skipped()) {
      err.println("skipped " + skipped.audio() + ": " + skipped.reason());
    }
    if (json) {
      out.println(result.toJson().put("model", version));
    } else {
      out.print("model               " + version + System.lineSeparator() + result.table());
    }
    out.flush();
    return 0;
  }

  private int compareRecordingPaths(
      List<Clip> clips, Optional<Path> modelDir, int threads, PrintStream out) throws Exception {
    RecordingPathComparison comparison;
    String version;
    try (LoadedModel model = loader.load(modelDir)) {
      version = model.version();
      err.printf(
          "evaluating %d clips along %d recording paths with model %s on %d threads%n",
          clips.size(), RecordingPath.values().length, version, threads);
      IntConsumer progress = progress(clips.size());
      comparison =
          RecordingPathComparison.run(
              clips, model, new AudioDecoder(), threads, (path, done) -> progress.accept(done));
    }
    for (RecordingPath path : RecordingPath.values()) {
      for (Skipped skipped : comparison.result(path).skipped()) {
        err.println("skipped " + skipped.audio() + " (" + path.label() + "): " + skipped.reason());
      }
    }
    out.print("model               " + version + System.lineSeparator() + comparison.table());
    out.flush();
    return 0;
  }

  private static String value(String[] args, int i, String missing) {
    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
      throw new Main.UsageException(missing);
    }
    return args[i + 1];
  }

  private static int threads(String text) {
    int threads;
    try {
      threads = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      threads = 0;
    }
    if (threads < 1 || threads > 64) {
      throw new Main.UsageException("--threads must be a whole number from 1 to 64, not " + text);
    }
    return threads;
  }

  /** A line on stderr at every tenth of the way, only when someone is watching a terminal. */
  private IntConsumer progress(int total) {
    if (System.console() == null || total < 20) {
      return done -> {};
    }
    int step = Math.max(1, total / 10);
    return done -> {
      if (done % step == 0 || done == total) {
        synchronized (err) {
          err.printf("  %d/%d%n", done, total);
        }
      }
    };
  }

  /**
   * The product's own path from file to emotion: decode to 16 kHz mono, then the recognizer (which
   * refuses silence; features, 3 s windows, mean of the window probabilities), as the web does.
   */
  private static final class Recognizer implements LoadedModel {
    private final EmotionModel model;
    private final EmotionRecognizer recognizer;
    private final AudioDecoder decoder = new AudioDecoder();

    private Recognizer(EmotionModel model, EmotionRecognizer recognizer) {
      this.model = model;
      this.recognizer = recognizer;
    }

    static Recognizer load(Optional<Path> dir) {
      FeatureSpec spec = FeatureSpec.modelDefault();
      EmotionModel model =
          dir.map(d -> EmotionModel.load(d, spec)).orElseGet(() -> EmotionModel.bundled(spec));
      try {
        return new Recognizer(model, new EmotionRecognizer(model, new FeatureExtractor(spec)));
      } catch (RuntimeException e) {
        model.close();
        throw e;
      }
    }

    @Override
    public Emotion classify(Path audio) {
      return classify(decoder.decode(audio));
    }

    @Override
    public Emotion classify(DecodedAudio audio) {
      return recognizer.recognize(audio).emotion();
    }

    @Override
    public String version() {
      return recognizer.modelVersion();
    }

    @Override
    public void close() {
      model.close();
    }
  }
}
