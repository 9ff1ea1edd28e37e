package dev.ser.web.analysis;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodeLimits;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.audio.feature.Features;
import dev.ser.domain.emotion.Prediction;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.inference.ModelCard;
import dev.ser.inference.ModelException;
import dev.ser.web.WebSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
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

  private AudioDecoder decoder;
  private FeatureExtractor extractor;
  private EmotionModel model;
  private EmotionRecognizer recognizer;
  private ModelException loadFailure;

  @PostConstruct
  void load() {
    decoder =
        new AudioDecoder(
            new DecodeLimits(0.5, settings.maxAudioSeconds(), settings.maxDecodeSeconds()));
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

  /** Decodes to 16 kHz mono and refuses silence; bad audio is an audio exception. */
  public DecodedAudio decode(byte[] bytes) {
    return decoder.decode(bytes).requireSound();
  }

  /** Decodes stored audio for pictures; silence is fine there. */
  public DecodedAudio decodeForPictures(byte[] bytes) {
    return decoder.decode(bytes);
  }

  public Prediction recognize(DecodedAudio audio) {
    return requireRecognizer().recognize(audio);
  }

  /** The model's own features of the clip, e.g. the log-mel spectrogram it saw. */
  public Features features(DecodedAudio audio) {
    return extractor.extract(audio.samples());
  }

  public boolean isReady() {
    return recognizer != null;
  }

  public Optional<ModelCard> card() {
    return Optional.ofNullable(model).map(EmotionModel::card);
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
