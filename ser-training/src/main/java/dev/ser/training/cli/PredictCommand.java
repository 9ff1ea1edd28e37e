package dev.ser.training.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ser.audio.AudioException;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.AudioSource;
import dev.ser.audio.decode.ChannelMode;
import dev.ser.audio.decode.DecodeLimits;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.ChannelPrediction;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.inference.ModelException;
import dev.ser.inference.RecordingRecognition;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./ser predict FILE... [--model DIR] [--channels separate]}: one JSON object per line and
 * file (file, emotion, confidence, probabilities, duration, model version, timeline, speech
 * segments, and with {@code --channels separate} one result per channel). Files up to {@value
 * #MAX_SECONDS} s are read a minute at a time, as the server reads them. A file that cannot be read
 * or analysed gets one line on stderr; the others are still predicted and the exit status is 1.
 */
final class PredictCommand implements Main.Command {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The server's default duration limit: an hour. */
  static final double MAX_SECONDS = 3600;

  private static final String USAGE =
      "usage: ./ser predict FILE... [--model DIR] [--channels separate]";

  private final PrintStream err;

  PredictCommand() {
    this(System.err);
  }

  PredictCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public String summary() {
    return "FILE... [--model DIR] [--channels separate]: the emotion of each audio file, one JSON"
        + " object per line";
  }

  @Override
  public int run(String[] args, PrintStream out) {
    List<Path> files = new ArrayList<>();
    Optional<Path> modelDir = Optional.empty();
    ChannelMode mode = ChannelMode.MIXED;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--channels")) {
        if (i + 1 >= args.length || !List.of("mixed", "separate").contains(args[i + 1])) {
          throw new Main.UsageException("--channels takes mixed or separate");
        }
        mode = args[++i].equals("separate") ? ChannelMode.SEPARATE : ChannelMode.MIXED;
      } else if (args[i].equals("--model")) {
        if (i + 1 >= args.length) {
          throw new Main.UsageException("--model needs a model directory");
        }
        modelDir = Optional.of(Path.of(args[++i]));
      } else if (args[i].startsWith("--")) {
        throw new Main.UsageException("unknown option " + args[i]);
      } else {
        files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty()) {
      throw new Main.UsageException(USAGE);
    }
    FeatureSpec spec = FeatureSpec.modelDefault();
    AudioDecoder decoder = new AudioDecoder(new DecodeLimits(0.5, MAX_SECONDS));
    int failed = 0;
    try (EmotionModel model =
        modelDir
            .map(dir -> EmotionModel.load(dir, spec))
            .orElseGet(() -> EmotionModel.bundled(spec))) {
      EmotionRecognizer recognizer = new EmotionRecognizer(model, new FeatureExtractor(spec));
      for (Path file : files) {
        try {
          if (!Files.isRegularFile(file)) {
            throw new AudioException("file_not_found", "no such file");
          }
          RecordingRecognition recognition = recognizer.startRecording();
          AudioSource source = decoder.stream(file, mode, recognition);
          Prediction prediction = recognition.finish(source, mode);
          out.println(json(file, prediction));
          out.flush();
        } catch (ModelException e) {
          throw e;
        } catch (AudioException | UncheckedIOException | IllegalArgumentException e) {
          failed++;
          err.println("ser predict: " + file + ": " + e.getMessage());
        }
      }
    }
    return failed == 0 ? 0 : 1;
  }

  static String json(Path file, Prediction prediction) {
    ObjectNode node = JSON.createObjectNode();
    node.put("file", file.toString());
    node.put("emotion", prediction.emotion().label());
    node.put("confidence", round(prediction.confidence()));
    node.set("probabilities", probabilities(prediction.scores()));
    node.put("duration_seconds", round(prediction.durationSeconds()));
    node.put("model_version", prediction.modelVersion());
    stretches(node.putArray("timeline"), prediction.timeline());
    stretches(node.putArray("segments"), prediction.segments());
    if (prediction.hasChannels()) {
      ArrayNode channels = node.putArray("channels");
      for (ChannelPrediction channel : prediction.channels()) {
        ObjectNode item = channels.addObject();
        item.put("channel", channel.channel());
        item.put("speech", channel.scores().isPresent());
        channel
            .scores()
            .ifPresent(
                scores -> {
                  item.put("emotion", scores.top().label());
                  item.put("confidence", round(scores.of(scores.top())));
                  item.set("probabilities", probabilities(scores));
                });
        stretches(item.putArray("segments"), channel.segments());
      }
    }
    return node.toString();
  }

  /** Timeline windows or speech segments, each with its scores. */
  private static void stretches(ArrayNode array, List<TimelineSegment> stretches) {
    for (TimelineSegment stretch : stretches) {
      ObjectNode item = array.addObject();
      item.put("start_seconds", round(stretch.startSeconds()));
      item.put("end_seconds", round(stretch.endSeconds()));
      item.put("emotion", stretch.emotion().label());
      item.put("confidence", round(stretch.scores().of(stretch.emotion())));
      item.set("probabilities", probabilities(stretch.scores()));
    }
  }

  private static ObjectNode probabilities(EmotionScores scores) {
    ObjectNode map = JSON.createObjectNode();
    for (Emotion emotion : Emotion.values()) {
      map.put(emotion.label(), round(scores.of(emotion)));
    }
    return map;
  }

  private static double round(double value) {
    return Math.round(value * 1e4) / 1e4;
  }
}
