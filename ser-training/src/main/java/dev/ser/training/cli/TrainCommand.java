package dev.ser.training.cli;

import dev.ser.audio.AudioException;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.Calibration;
import dev.ser.inference.ModelCard;
import dev.ser.inference.ModelFrames;
import dev.ser.training.codec.RecordingPath;
import dev.ser.training.corpus.Clip;
import dev.ser.training.corpus.Corpora;
import dev.ser.training.corpus.SpeakerSplit;
import dev.ser.training.model.Architecture;
import dev.ser.training.model.Augmentation;
import dev.ser.training.model.CrossValidation;
import dev.ser.training.model.Example;
import dev.ser.training.model.ModelExport;
import dev.ser.training.model.Sampling;
import dev.ser.training.model.TrainedModel;
import dev.ser.training.model.Trainer;
import dev.ser.training.model.TrainingOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./ser train --data SPEC... --out DIR --version V [options]}: reads the corpora, extracts
 * every clip's features once (and, with {@code --recode}, those of the clip sent through another
 * recording path), trains the CNN+GRU and writes the SavedModel with its model card to DIR.
 *
 * <p>With {@code --folds K} it first cross-validates the recipe over speakers: K models, each
 * trained without one fold of every corpus's speakers and scored on them with its weight average
 * (no epoch chosen on them); the held-out clips give the per-corpus estimates and the temperature.
 * Then it trains the model on every speaker, keeps its weight average, and writes it with the
 * estimates and the temperature on its card. Each fold's result is kept in {@code DIR/folds}, and a
 * rerun of the same command skips the folds already there.
 */
final class TrainCommand implements Main.Command {
  /**
   * Held out by default: four RAVDESS actors (two male, two female) and two nEMO speakers (one
   * each).
   */
  static final String DEFAULT_VALIDATION =
      "ravdess:17,ravdess:18,ravdess:19,ravdess:20,nemo:KD0,nemo:SM0";

  private static final String USAGE =
      "usage: ./ser train --data SPEC [--data SPEC...] --out DIR --version V [--epochs N]"
          + " [--patience N] [--seed S] [--validation SPEAKER,...|CORPUS:*] [--folds K]"
          + " [--average-from EPOCH] [--keep-average] [--label-smoothing E] [--max-warp W]"
          + " [--recode] [--sampling emotions|cells|clips] [--centred-loudness]"
          + " [--attention-pooling] [--stats-pooling] [--speaker-adversary A] [--corpus-by-clips]"
          + " [--mixup ALPHA]"
          + " (V names the model in every prediction: a new one per model, e.g. cnn-gru-6)";

  /** What each corpus is, with its licence, for the card. */
  private static final Map<String, String> CORPUS_NOTES =
      Map.of(
          "ravdess",
          "RAVDESS speech (Livingstone & Russo 2018), English, actors 01-20, CC BY-NC-SA 4.0;"
              + " calm -> neutral, surprised dropped",
          "nemo",
          "nEMO (Christop 2024), Polish, 9 speakers, CC BY-NC-SA 4.0; no disgust, surprised"
              + " dropped",
          "ased",
          "ASED v1 (Retta et al. 2022), Amharic, acted, 65 speakers; licence: none stated by the"
              + " authors (\"freely available\", cite the paper); no disgust",
          "urdu",
          "URDU-Dataset (Latif et al. 2018), Urdu TV talk-show speech (natural, noisy), 29"
              + " speaker codes; research use only; anger, happy, neutral, sad",
          "emotiontts-kr",
          "emotiontts_open_db (SELVAS AI / KAIST), Korean read speech, 13 speakers; research"
              + " only, no commercial use (CC BY-NC-SA); anger, happy, neutral, sad");

  private static final Set<String> CC_BY_NC_SA = Set.of("ravdess", "nemo");

  @Override
  public String summary() {
    return "--data SPEC... --out DIR --version V [--folds K --epochs N --seed S]: train the"
        + " CNN+GRU (cross-validated with --folds) and export it with its model card";
  }

  /** The parsed command line. */
  private record Request(
      List<String> data,
      Path out,
      String version,
      String validation,
      int folds,
      boolean recode,
      Architecture architecture,
      TrainingOptions options) {

    static Request parse(String[] args, FeatureSpec spec) {
      List<String> data = new ArrayList<>();
      Path out = null;
      int epochs = 40;
      int patience = 10;
      long seed = 1;
      String validation = DEFAULT_VALIDATION;
      // No default: every stored prediction names its model, so two models must never share one.
      String version = null;
      int folds = 0;
      int averageFrom = 0;
      boolean keepAverage = false;
      boolean recode = false;
      float labelSmoothing = 0;
      Augmentation augmentation = Augmentation.standard();
      boolean centredLoudness = false;
      boolean attentionPooling = false;
      boolean statsPooling = false;
      float speakerAdversary = 0;
      Sampling sampling = Sampling.EMOTIONS;
      float mixup = 0;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--data" -> data.add(value(args, i++));
          case "--out" -> out = Path.of(value(args, i++));
          case "--epochs" -> epochs = positive(args, i++);
          case "--patience" -> patience = positive(args, i++);
          case "--seed" -> seed = number(args, i++);
          case "--validation" -> validation = value(args, i++);
          case "--folds" -> folds = positive(args, i++);
          case "--version" -> version = value(args, i++);
          case "--average-from" -> averageFrom = (int) number(args, i++);
          case "--keep-average" -> keepAverage = true;
          case "--recode" -> recode = true;
          case "--label-smoothing" -> labelSmoothing = fraction(args, i++);
          case "--max-warp" -> augmentation = augmentation.withMaxWarp(warp(args, i++));
          case "--centred-loudness" -> centredLoudness = true;
          case "--attention-pooling" -> attentionPooling = true;
          case "--stats-pooling" -> statsPooling = true;
          case "--speaker-adversary" -> speakerAdversary = upToTen(args, i++);
          case "--sampling" -> sampling = sampling(args, i++);
          case "--corpus-by-clips" -> sampling = Sampling.CLIPS;
          case "--mixup" -> mixup = upToTen(args, i++);
          default -> throw new Main.UsageException("unknown argument " + args[i]);
        }
      }
      if (data.isEmpty() || out == null || version == null) {
        throw new Main.UsageException(USAGE);
      }
      if (folds == 1) {
        throw new Main.UsageException("--folds needs at least 2 folds");
      }
      if ((folds > 0 || keepAverage) && (averageFrom <= 0 || averageFrom > epochs)) {
        throw new Main.UsageException(
            "--folds and --keep-average keep the weight average: give --average-from EPOCH,"
                + " at most --epochs");
      }
      Architecture architecture =
          Architecture.standard(ModelFrames.WINDOW_FRAMES, spec.nMels(), spec.nMfcc() + 2)
              .with(centredLoudness, attentionPooling, statsPooling);
      TrainingOptions standard = TrainingOptions.standard(epochs, seed);
      TrainingOptions options =
          new TrainingOptions(
              epochs,
              patience,
              standard.batchSize(),
              standard.learningRate(),
              seed,
              augmentation,
              averageFrom,
              labelSmoothing,
              speakerAdversary,
              sampling,
              mixup,
              keepAverage || folds > 0);
      return new Request(data, out, version, validation, folds, recode, architecture, options);
    }
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    FeatureSpec spec = FeatureSpec.modelDefault();
    Request request = Request.parse(args, spec);
    PrintStream log = System.err;
    List<Clip> clips = Corpora.readAll(request.data());
    log.println("architecture: " + request.architecture().describe());
    TrainedModel model;
    SpeakerSplit split;
    Calibration calibration = Calibration.NONE;
    Map<String, ModelCard.Estimate> estimates = Map.of();
    if (request.folds() > 0) {
      split = new SpeakerSplit(clips, List.of());
      log.print(split.countsTable());
      List<Example> all = features(clips, spec, request.recode(), request.options().seed(), log);
      List<CrossValidation.Fold> folds = crossValidate(request, clips, all, log);
      List<CrossValidation.HeldOut> heldOut =
          folds.stream().flatMap(f -> f.clips().stream()).toList();
      estimates = CrossValidation.estimates(folds, request.folds() + "-fold over speakers");
      calibration = CrossValidation.calibration(heldOut);
      String report = crossValidationReport(folds, estimates, calibration);
      Files.writeString(request.out().resolve("cross-validation.md"), report);
      log.print(report);
      model = trainer(request, log).train(all, List.of());
    } else {
      split = SpeakerSplit.bySpeakers(clips, request.validation());
      log.print(split.countsTable());
      log.println();
      List<Example> train =
          features(split.train(), spec, request.recode(), request.options().seed(), log);
      List<Example> held = features(split.validation(), spec, false, 0, log);
      SpeakerSplit chosen = split;
      model =
          trainer(request, log)
              .train(
                  train,
                  held,
                  best ->
                      export(request, best, chosen, args, spec, Calibration.NONE, Map.of(), log));
      new CrossValidation.Fold(
              0,
              split.validationSpeakers(),
              CrossValidation.heldOut(model, held),
              model.epochScores())
          .write(request.out().resolve("folds").resolve("held-out.json"));
    }
    ModelCard card = export(request, model, split, args, spec, calibration, estimates, log);
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
    card.crossValidation()
        .forEach(
            (corpus, e) ->
                out.printf(
                    Locale.ROOT,
                    "%s: cross-validated UA %.3f (sd %.3f, folds %.3f-%.3f)%n",
                    corpus,
                    e.mean(),
                    e.sd(),
                    e.min(),
                    e.max()));
    out.println("model written to " + request.out());
    return 0;
  }

  private static Trainer trainer(Request request, PrintStream log) {
    return new Trainer(request.architecture(), request.options(), log);
  }

  /** Trains and scores each fold that {@code DIR/folds} does not hold yet. */
  private static List<CrossValidation.Fold> crossValidate(
      Request request, List<Clip> clips, List<Example> all, PrintStream log) throws IOException {
    List<Set<String>> folds = SpeakerSplit.folds(clips, request.folds(), request.options().seed());
    List<CrossValidation.Fold> results = new ArrayList<>();
    for (int i = 0; i < folds.size(); i++) {
      Path file = request.out().resolve("folds").resolve("fold-" + (i + 1) + ".json");
      Set<String> speakers = folds.get(i);
      if (Files.isRegularFile(file)) {
        CrossValidation.Fold done = CrossValidation.Fold.read(file);
        if (done.speakers().equals(speakers)) {
          log.println("fold " + (i + 1) + ": read from " + file);
          results.add(done);
          continue;
        }
      }
      log.printf(
          Locale.ROOT, "fold %d/%d holds out %s%n", i + 1, folds.size(), new TreeSet<>(speakers));
      List<Example> train = all.stream().filter(e -> !speakers.contains(e.speaker())).toList();
      List<Example> held = all.stream().filter(e -> speakers.contains(e.speaker())).toList();
      TrainedModel model = trainer(request, log).train(train, held);
      CrossValidation.Fold fold =
          new CrossValidation.Fold(
              i + 1, speakers, CrossValidation.heldOut(model, held), model.epochScores());
      fold.write(file);
      results.add(fold);
    }
    return results;
  }

  private static String crossValidationReport(
      List<CrossValidation.Fold> folds,
      Map<String, ModelCard.Estimate> estimates,
      Calibration calibration) {
    StringBuilder text = new StringBuilder();
    text.append("# Cross-validation\n\n").append(CrossValidation.table(estimates)).append('\n');
    text.append("| fold | speakers |");
    estimates.keySet().forEach(c -> text.append(' ').append(c).append(" UA |"));
    text.append(" held-out UA by epoch |\n|---|---|");
    text.append("---|".repeat(estimates.size() + 1)).append('\n');
    for (CrossValidation.Fold fold : folds) {
      Map<String, ModelCard.Metrics> metrics =
          CrossValidation.metrics(fold.clips(), Calibration.NONE);
      text.append("| ")
          .append(fold.fold())
          .append(" | ")
          .append(fold.speakers().size())
          .append(" |");
      estimates
          .keySet()
          .forEach(
              c ->
                  text.append(
                      metrics.containsKey(c)
                          ? String.format(
                              Locale.ROOT, " %.1f %% |", 100 * metrics.get(c).unweightedAccuracy())
                          : " - |"));
      text.append(' ');
      fold.epochScores().forEach(s -> text.append(String.format(Locale.ROOT, "%.1f ", 100 * s)));
      text.append("|\n");
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%nTemperature %.3f fitted on %d held-out clips: expected calibration error %.3f"
                + " before, %.3f after.%n",
            calibration.temperature(),
            calibration.clips(),
            calibration.eceBefore(),
            calibration.eceAfter()));
    return text.toString();
  }

  /** Writes the model with its card; the card's command is this command line. */
  private static ModelCard export(
      Request request,
      TrainedModel model,
      SpeakerSplit split,
      String[] args,
      FeatureSpec spec,
      Calibration calibration,
      Map<String, ModelCard.Estimate> estimates,
      PrintStream log) {
    Path outDir = request.out();
    ModelCard.Training training =
        new ModelCard.Training(
            "./ser train " + String.join(" ", args),
            request.options().seed(),
            corpora(split),
            split.trainSpeakers().stream().sorted().toList(),
            split.validationSpeakers().stream().sorted().toList(),
            model.epochs(),
            model.bestEpoch(),
            Math.round(model.seconds()),
            classCounts(split),
            model.keptWeights());
    try {
      ModelCard card =
          ModelExport.write(
              outDir,
              model,
              spec,
              request.version(),
              licence(training.corpora().keySet()),
              training,
              calibration,
              estimates);
      log.println("wrote the model (" + model.keptWeights() + ") to " + outDir);
      return card;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + outDir, e);
    }
  }

  /**
   * Decodes and extracts every clip on all cores, keeping the clips' order; clips that cannot be
   * decoded are reported and left out. With {@code recode}, each clip is also sent along one of
   * {@link RecordingPath#augmenting()} (chosen by the seed and the clip's position) and its frames
   * kept beside the original's.
   */
  static List<Example> features(
      List<Clip> clips, FeatureSpec spec, boolean recode, long seed, PrintStream log)
      throws InterruptedException {
    AudioDecoder decoder = new AudioDecoder();
    FeatureExtractor extractor = new FeatureExtractor(spec);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<Example>> futures = new ArrayList<>(clips.size());
      RecordingPath[] paths = RecordingPath.augmenting();
      for (int c = 0; c < clips.size(); c++) {
        Clip clip = clips.get(c);
        RecordingPath path = paths[Math.floorMod(Objects.hash(seed, c), paths.length)];
        futures.add(
            pool.submit(
                () -> {
                  float[] samples = decoder.decode(clip.audio()).samples();
                  List<ModelFrames> recoded =
                      recode
                          ? List.of(
                              ModelFrames.of(extractor.extract(path.recode(samples, decoder))))
                          : List.of();
                  Example example =
                      new Example(
                          ModelFrames.of(extractor.extract(samples)),
                          clip.emotion(),
                          clip.corpus(),
                          clip.speaker(),
                          recoded);
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

  /**
   * The licence a model trained on {@code corpora} inherits: the strictest of theirs. RAVDESS and
   * nEMO alone are CC BY-NC-SA 4.0; with any other corpus, research and non-commercial use only.
   */
  static String licence(Set<String> corpora) {
    if (CC_BY_NC_SA.containsAll(corpora)) {
      return "CC BY-NC-SA 4.0, inherited from RAVDESS and nEMO: non-commercial use only,"
          + " attribution, share-alike";
    }
    return "Research and non-commercial use only, inherited from its training corpora ("
        + String.join(", ", new TreeSet<>(corpora))
        + "; see each one's terms below): RAVDESS and nEMO are CC BY-NC-SA 4.0, emotiontts_open_db"
        + " and URDU-Dataset are research-only, ASED states no terms";
  }

  private static Map<String, String> corpora(SpeakerSplit split) {
    Map<String, String> corpora = new TreeMap<>();
    split
        .train()
        .forEach(c -> corpora.put(c.corpus(), CORPUS_NOTES.getOrDefault(c.corpus(), c.corpus())));
    return corpora;
  }

  private static Sampling sampling(String[] args, int i) {
    try {
      return Sampling.parse(value(args, i));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException(args[i] + ": " + e.getMessage());
    }
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
