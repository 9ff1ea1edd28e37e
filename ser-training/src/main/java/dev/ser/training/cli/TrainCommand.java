package dev.ser.training.cli;

import dev.ser.audio.AudioException;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.ModelCard;
import dev.ser.inference.ModelFrames;
import dev.ser.training.corpus.Clip;
import dev.ser.training.corpus.Corpora;
import dev.ser.training.corpus.SpeakerSplit;
import dev.ser.training.model.Architecture;
import dev.ser.training.model.Augmentation;
import dev.ser.training.model.Example;
import dev.ser.training.model.ModelExport;
import dev.ser.training.model.TrainedModel;
import dev.ser.training.model.Trainer;
import dev.ser.training.model.TrainingOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./ser train --data SPEC... --out DIR [--epochs N] [--patience N] [--seed S] [--validation
 * SPEAKERS] --version V [--average-from EPOCH] [--label-smoothing E] [--max-warp W]
 * [--centred-loudness] [--attention-pooling] [--speaker-adversary A] [--corpus-by-clips] [--mixup
 * ALPHA]}: reads the corpora, splits them by speaker, extracts every clip's features once, trains
 * the CNN+GRU and writes the SavedModel with its model card to DIR.
 */
final class TrainCommand implements Main.Command {
  /**
   * Held out by default: four RAVDESS actors (two male, two female) and two nEMO speakers (one
   * each).
   */
  static final String DEFAULT_VALIDATION =
      "ravdess:17,ravdess:18,ravdess:19,ravdess:20,nemo:KD0,nemo:SM0";

  static final String LICENCE =
      "CC BY-NC-SA 4.0, inherited from RAVDESS and nEMO: non-commercial use only, attribution,"
          + " share-alike";

  private static final Map<String, String> CORPUS_NOTES =
      Map.of(
          "ravdess",
          "RAVDESS speech (Livingstone & Russo 2018), English, actors 01-20, CC BY-NC-SA 4.0;"
              + " calm -> neutral, surprised dropped",
          "nemo",
          "nEMO (Christop 2024), Polish, 9 speakers, CC BY-NC-SA 4.0; no disgust, surprised"
              + " dropped");

  @Override
  public String summary() {
    return "--data SPEC... --out DIR --version V [--epochs N --seed S --validation SPEAKERS]: train the"
        + " CNN+GRU and export it with its model card";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    List<String> data = new ArrayList<>();
    Path outDir = null;
    int epochs = 40;
    int patience = 10;
    long seed = 1;
    String validation = DEFAULT_VALIDATION;
    // No default: every stored prediction names its model, so two models must never share one.
    String version = null;
    int averageFrom = 0;
    float labelSmoothing = 0;
    Augmentation augmentation = Augmentation.standard();
    boolean centredLoudness = false;
    boolean attentionPooling = false;
    float speakerAdversary = 0;
    boolean corpusByClips = false;
    float mixup = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data.add(value(args, i++));
        case "--out" -> outDir = Path.of(value(args, i++));
        case "--epochs" -> epochs = positive(args, i++);
        case "--patience" -> patience = positive(args, i++);
        case "--seed" -> seed = number(args, i++);
        case "--validation" -> validation = value(args, i++);
        case "--version" -> version = value(args, i++);
        case "--average-from" -> averageFrom = (int) number(args, i++);
        case "--label-smoothing" -> labelSmoothing = fraction(args, i++);
        case "--max-warp" -> augmentation = augmentation.withMaxWarp(warp(args, i++));
        case "--centred-loudness" -> centredLoudness = true;
        case "--attention-pooling" -> attentionPooling = true;
        case "--speaker-adversary" -> speakerAdversary = upToTen(args, i++);
        case "--corpus-by-clips" -> corpusByClips = true;
        case "--mixup" -> mixup = upToTen(args, i++);
        default -> throw new Main.UsageException("unknown argument " + args[i]);
      }
    }
    if (data.isEmpty() || outDir == null || version == null) {
      throw new Main.UsageException(
          "usage: ./ser train --data SPEC [--data SPEC...] --out DIR --version V [--epochs N]"
              + " [--patience N] [--seed S] [--validation SPEAKER,...] [--average-from EPOCH]"
              + " [--label-smoothing E] [--max-warp W] [--centred-loudness] [--attention-pooling]"
              + " [--speaker-adversary A] [--corpus-by-clips] [--mixup ALPHA] (V names the model in"
              + " every prediction: a new one per model, e.g. cnn-gru-5)");
    }
    PrintStream log = System.err;
    SpeakerSplit split = SpeakerSplit.bySpeakers(Corpora.readAll(data), validation);
    log.print(split.countsTable());
    log.println();

    FeatureSpec spec = FeatureSpec.modelDefault();
    long started = System.nanoTime();
    List<Example> train = features(split.train(), spec, log);
    List<Example> held = features(split.validation(), spec, log);
    log.printf(
        Locale.ROOT,
        "features of %d clips in %.0f s%n",
        train.size() + held.size(),
        (System.nanoTime() - started) / 1e9);

    Architecture architecture =
        Architecture.standard(ModelFrames.WINDOW_FRAMES, spec.nMels(), spec.nMfcc() + 2)
            .with(centredLoudness, attentionPooling);
    log.println("architecture: " + architecture.describe());
    TrainingOptions options =
        new TrainingOptions(
            epochs,
            patience,
            TrainingOptions.standard(epochs, seed).batchSize(),
            TrainingOptions.standard(epochs, seed).learningRate(),
            seed,
            augmentation,
            averageFrom,
            labelSmoothing,
            speakerAdversary,
            corpusByClips,
            mixup);
    Path target = outDir;
    String modelVersion = version;
    long modelSeed = seed;
    TrainedModel model =
        new Trainer(architecture, options, log)
            .train(
                train,
                held,
                best -> export(target, best, split, args, modelSeed, modelVersion, spec, log));
    ModelCard card = export(outDir, model, split, args, seed, version, spec, log);
    card.validation()
        .forEach(
            (corpus, m) ->
                out.printf(
                    Locale.ROOT,
                    "%s: %d clips, accuracy %.3f, UA %.3f%n",
                    corpus,
                    m.clips(),
                    m.accuracy(),
                    m.unweightedAccuracy()));
    out.println("model written to " + outDir);
    return 0;
  }

  /** Writes the model with its card; the card's command is this command line. */
  private static ModelCard export(
      Path outDir,
      TrainedModel model,
      SpeakerSplit split,
      String[] args,
      long seed,
      String version,
      FeatureSpec spec,
      PrintStream log) {
    ModelCard.Training training =
        new ModelCard.Training(
            "./ser train " + String.join(" ", args),
            seed,
            corpora(split),
            split.trainSpeakers().stream().sorted().toList(),
            split.validationSpeakers().stream().sorted().toList(),
            model.epochs(),
            model.bestEpoch(),
            Math.round(model.seconds()),
            classCounts(split),
            model.keptWeights());
    try {
      ModelCard card = ModelExport.write(outDir, model, spec, version, LICENCE, training);
      log.println("wrote the model (" + model.keptWeights() + ") to " + outDir);
      return card;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + outDir, e);
    }
  }

  /**
   * Decodes and extracts every clip on all cores, keeping the clips' order; clips that cannot be
   * decoded are reported and left out.
   */
  static List<Example> features(List<Clip> clips, FeatureSpec spec, PrintStream log)
      throws InterruptedException {
    AudioDecoder decoder = new AudioDecoder();
    FeatureExtractor extractor = new FeatureExtractor(spec);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<Example>> futures = new ArrayList<>(clips.size());
      for (Clip clip : clips) {
        futures.add(
            pool.submit(
                () -> {
                  Example example =
                      new Example(
                          ModelFrames.of(extractor.extract(decoder.decode(clip.audio()).samples())),
                          clip.emotion(),
                          clip.corpus(),
                          clip.speaker());
                  int n = done.incrementAndGet();
                  if (n % 500 == 0) {
                    log.printf("  features %d/%d%n", n, clips.size());
                  }
                  return example;
                }));
      }
      List<Example> examples = new ArrayList<>(clips.size());
      for (int i = 0; i < futures.size(); i++) {
        try {
          examples.add(futures.get(i).get());
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof AudioException
              || e.getCause() instanceof UncheckedIOException) {
            log.println("skipped " + clips.get(i).audio() + ": " + e.getCause().getMessage());
          } else {
            throw new IllegalStateException(
                "features of " + clips.get(i).audio() + " failed: " + e.getCause(), e.getCause());
          }
        }
      }
      return examples;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, String> corpora(SpeakerSplit split) {
    Map<String, String> corpora = new TreeMap<>();
    split
        .train()
        .forEach(c -> corpora.put(c.corpus(), CORPUS_NOTES.getOrDefault(c.corpus(), c.corpus())));
    return corpora;
  }

  private static Map<String, Map<String, Integer>> classCounts(SpeakerSplit split) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (Clip clip : split.train()) {
      counts.computeIfAbsent(clip.corpus(), c -> new LinkedHashMap<>());
    }
    counts.forEach(
        (corpus, row) -> {
          for (Emotion emotion : Emotion.values()) {
            row.put(emotion.label(), split.count(corpus, SpeakerSplit.Part.TRAIN, emotion));
          }
        });
    return counts;
  }

  private static String value(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new Main.UsageException(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  private static long number(String[] args, int i) {
    try {
      return Long.parseLong(value(args, i));
    } catch (NumberFormatException e) {
      throw new Main.UsageException(args[i] + " needs a whole number, not " + args[i + 1]);
    }
  }

  private static float fraction(String[] args, int i) {
    float f = decimal(args, i);
    if (!(f >= 0 && f < 1)) {
      throw new Main.UsageException(args[i] + " needs a number in [0, 1), not " + args[i + 1]);
    }
    return f;
  }

  /** The value after {@code args[i]} as a number, NaN if it is not one. */
  private static float decimal(String[] args, int i) {
    try {
      return Float.parseFloat(value(args, i));
    } catch (NumberFormatException e) {
      return Float.NaN;
    }
  }

  /** A mel-warp bound: {@link #fraction} below 0.5, where a warp would fold the mel axis. */
  private static float warp(String[] args, int i) {
    float w = fraction(args, i);
    if (w >= 0.5f) {
      throw new Main.UsageException(args[i] + " needs a number in [0, 0.5), not " + args[i + 1]);
    }
    return w;
  }

  /** A speaker adversary's weight or mixup's alpha: a number in [0, 10]. */
  private static float upToTen(String[] args, int i) {
    float a = decimal(args, i);
    if (!(a >= 0 && a <= 10)) {
      throw new Main.UsageException(args[i] + " needs a number in [0, 10], not " + args[i + 1]);
    }
    return a;
  }

  private static int positive(String[] args, int i) {
    long n = number(args, i);
    if (n <= 0 || n > 10_000) {
      throw new Main.UsageException(args[i] + " must be between 1 and 10000");
    }
    return (int) n;
  }
}
