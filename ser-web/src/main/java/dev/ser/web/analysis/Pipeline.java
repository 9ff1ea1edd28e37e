package dev.ser.web.analysis;

import dev.ser.audio.AudioTooLongException;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.AudioSource;
import dev.ser.audio.decode.ChannelMode;
import dev.ser.audio.decode.DecodeLimits;
import dev.ser.audio.decode.SampleSink;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.audio.feature.Features;
import dev.ser.domain.emotion.Prediction;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.inference.ModelCard;
import dev.ser.inference.ModelException;
import dev.ser.inference.RecordingRecognition;
import dev.ser.web.WebSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audio to prediction, without storage: the decoder, the feature extractor and the committed model,
 * loaded once per application and shared by every request (each is thread-safe). If the model
 * cannot be loaded the application still starts, reports not-ready on {@code /health/ready}, and
 * analyses answer 503 {@code model_unavailable}.
 */
@ApplicationScoped
public class Pipeline {
  private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());

  @Inject WebSettings settings;

  /** A SavedModel directory to use instead of the one bundled in ser-inference. */
  @Inject
  @ConfigProperty(name = "ser.model.dir")
  Optional<String> modelDir;

  /** Seconds of a recording its pictures show. */
  public static final int PICTURE_SECONDS = 300;

  private AudioDecoder decoder;
  private AudioDecoder pictureDecoder;
  private FeatureExtractor extractor;
  private EmotionModel model;
  private EmotionRecognizer recognizer;
  private ModelException loadFailure;

  @PostConstruct
  void load() {
    decoder =
        new AudioDecoder(
            new DecodeLimits(0.5, settings.maxAudioSeconds(), settings.maxDecodeSeconds()));
    pictureDecoder =
        new AudioDecoder(new DecodeLimits(0, PICTURE_SECONDS, settings.maxDecodeSeconds()));
    extractor = new FeatureExtractor(FeatureSpec.modelDefault());
    try {
      model =
          modelDir
              .filter(dir -> !dir.isBlank())
              .map(dir -> EmotionModel.load(Path.of(dir), FeatureSpec.modelDefault()))
              .orElseGet(() -> EmotionModel.bundled(FeatureSpec.modelDefault()));
      recognizer = new EmotionRecognizer(model, extractor, settings.minSpeechSeconds());
      LOG.info(() -> "emotion model " + model.version() + " loaded");
    } catch (ModelException e) {
      loadFailure = e;
      LOG.log(Level.SEVERE, "the emotion model is unavailable: " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void close() {
    if (model != null) {
      model.close();
    }
  }

  /**
   * Decodes and analyses a recording as it streams out of the decoder, a block at a time (so its
   * length does not grow the memory it takes), mixed or each channel on its own.
   *
   * @throws dev.ser.audio.AudioException for audio that is bad, silent, too short or too long, or
   *     holds no speech
   */
  public Analysis analyse(byte[] bytes, ChannelMode mode) {
    RecordingRecognition recognition = requireRecognizer().startRecording();
    AudioSource source = decoder.stream(bytes, mode, recognition);
    return new Analysis(source, recognition.finish(source, mode));
  }

  /** What was analysed, and what the model says about it. */
  public record Analysis(AudioSource source, Prediction prediction) {}

  /**
   * The first {@value #PICTURE_SECONDS} s of stored audio, mixed, for its waveform and spectrogram
   * (silence is fine there): a picture 800 pixels wide shows no more detail of an hour, and an hour
   * decoded whole would take 230 MB.
   */
  public float[] pictureSamples(byte[] bytes) {
    PictureSamples samples = new PictureSamples();
    try {
      pictureDecoder.stream(bytes, ChannelMode.MIXED, samples);
    } catch (AudioTooLongException e) {
      // The first minutes are all a picture shows.
    }
    return samples.buffer.length == samples.size
        ? samples.buffer
        : Arrays.copyOf(samples.buffer, samples.size);
  }

  /** Keeps up to {@link #PICTURE_SECONDS} of 16 kHz audio. */
  private static final class PictureSamples implements SampleSink {
    private float[] buffer = new float[AudioDecoder.SAMPLE_RATE * 10];
    private int size;

    @Override
    public void accept(int channel, float[] samples, int length) {
      int take = Math.min(length, AudioDecoder.SAMPLE_RATE * PICTURE_SECONDS - size);
      if (size + take > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(size + take, 2 * buffer.length));
      }
      System.arraycopy(samples, 0, buffer, size, take);
      size += take;
    }
  }

  /** The model's own features of 16 kHz samples, e.g. the log-mel spectrogram it saw. */
  public Features features(float[] samples) {
    return extractor.extract(samples);
  }

  public boolean isReady() {
    return recognizer != null;
  }

  public Optional<ModelCard> card() {
    return Optional.ofNullable(model).map(EmotionModel::card);
  }

  /**
   * The recognizer, for live streams that feed it themselves.
   *
   * @throws ModelException {@code model_unavailable} when the model could not be loaded
   */
  public EmotionRecognizer recognizer() {
    return requireRecognizer();
  }

  private EmotionRecognizer requireRecognizer() {
    if (recognizer == null) {
      throw new ModelException(
          "model_unavailable",
          "The emotion model is not available on this server right now.",
          loadFailure);
    }
    return recognizer;
  }
}
