package dev.ser.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.audio.AudioException;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled model through the recogniser, on speech files kept with the tests. */
class EmotionRecognizerTest {
  private static final FeatureSpec SPEC = FeatureSpec.modelDefault();
  private static final List<String> FILES =
      List.of("speech_16k.wav", "ravdess_angry_actor03.wav", "ravdess_sad_actor12.wav");

  private static EmotionModel model;
  private static EmotionRecognizer recognizer;

  @BeforeAll
  static void loadBundledModel() {
    model = EmotionModel.bundled(SPEC);
    recognizer = new EmotionRecognizer(model, new FeatureExtractor(SPEC));
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  private static DecodedAudio audio(String name) throws IOException {
    try (InputStream in = EmotionRecognizerTest.class.getResourceAsStream(name)) {
      return new AudioDecoder().decode(in.readAllBytes());
    }
  }

  @Test
  void bundledModelGivesTheRecordedProbabilitiesOnKnownFiles() throws IOException {
    JsonNode expected;
    try (InputStream in = getClass().getResourceAsStream("expected-predictions.json")) {
      expected = new ObjectMapper().readTree(in);
    }
    assertThat(expected.get("model_version").asText()).isEqualTo(model.version());
    for (String file : FILES) {
      Prediction prediction = recognizer.recognize(audio(file));
      JsonNode probabilities = expected.get("files").get(file);
      // Recorded as the plain mean of the model's windows, before speech segments weighted them.
      List<TimelineSegment> windows =
          prediction.timeline().isEmpty()
              ? List.of(new TimelineSegment(0, 1, prediction.scores()))
              : prediction.timeline();
      for (Emotion emotion : Emotion.values()) {
        double mean =
            windows.stream().mapToDouble(w -> w.scores().of(emotion)).average().orElseThrow();
        assertThat(mean)
            .as("%s %s", file, emotion)
            .isCloseTo(probabilities.get(emotion.label()).asDouble(), within(1e-4));
      }
    }
  }

  @Test
  void recognisesTheActedAngerAndSadnessItWasTrainedToKnow() throws IOException {
    assertThat(recognizer.recognize(audio("ravdess_angry_actor03.wav")).emotion())
        .isEqualTo(Emotion.ANGER);
    assertThat(recognizer.recognize(audio("ravdess_sad_actor12.wav")).emotion())
        .isEqualTo(Emotion.SAD);
  }

  @Test
  void longAudioGetsATimelineOfOverlappingWindowsAndSpeechSegmentsWeightingThem()
      throws IOException {
    float[] speech = audio("speech_16k.wav").samples();
    float[] twice = Arrays.copyOf(speech, 2 * speech.length);
    System.arraycopy(speech, 0, twice, speech.length, speech.length);
    DecodedAudio longAudio = new DecodedAudio(twice, 16_000, "wav", 16_000, 1, twice.length / 16e3);

    Prediction prediction = recognizer.recognize(longAudio);

    List<TimelineSegment> timeline = prediction.timeline();
    int frames = twice.length / SPEC.hopLength() + 1;
    int expectedWindows =
        (frames - ModelFrames.WINDOW_FRAMES + ModelFrames.HOP_FRAMES - 1) / 100 + 1;
    assertThat(timeline).hasSize(expectedWindows);
    assertThat(timeline.get(0).startSeconds()).isZero();
    assertThat(timeline.get(1).startSeconds()).isCloseTo(1.0, within(1e-9));
    assertThat(timeline.get(0).endSeconds()).isCloseTo(3.0, within(1e-9));
    assertThat(timeline.get(timeline.size() - 1).endSeconds())
        .isCloseTo(longAudio.durationSeconds(), within(0.011));
    List<TimelineSegment> segments = prediction.segments();
    assertThat(segments).isNotEmpty();
    double[] clip = new double[Emotion.count()];
    double speechSeconds = 0;
    for (TimelineSegment segment : segments) {
      assertThat(segment.seconds()).isLessThanOrEqualTo(10 + 1e-9);
      double[] expected = new double[Emotion.count()];
      double covered = 0;
      for (TimelineSegment window : timeline) {
        double overlap =
            Math.min(window.endSeconds(), segment.endSeconds())
                - Math.max(window.startSeconds(), segment.startSeconds());
        if (overlap > 0) {
          covered += overlap;
          for (Emotion emotion : Emotion.values()) {
            expected[emotion.ordinal()] += overlap * window.scores().of(emotion);
          }
        }
      }
      for (Emotion emotion : Emotion.values()) {
        assertThat(segment.scores().of(emotion))
            .as("a segment is the mean of the windows over it, weighted by their overlap")
            .isCloseTo(expected[emotion.ordinal()] / covered, within(1e-9));
        clip[emotion.ordinal()] += segment.seconds() * segment.scores().of(emotion);
      }
      speechSeconds += segment.seconds();
    }
    for (Emotion emotion : Emotion.values()) {
      assertThat(prediction.scores().of(emotion))
          .as("the clip is the mean of its segments, weighted by their length")
          .isCloseTo(clip[emotion.ordinal()] / speechSeconds, within(1e-9));
    }
    assertThat(Arrays.stream(prediction.scores().probabilities()).sum()).isCloseTo(1, within(1e-9));
  }

  @Test
  void threeMinutesOfThreeBlocksWithPausesGiveOneSegmentPerSentenceAroundItsSpeech()
      throws IOException {
    String[] blocks = {"speech_16k.wav", "ravdess_angry_actor03.wav", "ravdess_sad_actor12.wav"};
    float[] recording = new float[180 * 16_000];
    List<double[]> expected = new ArrayList<>();
    int at = 0;
    for (String block : blocks) {
      float[] clip = audio(block).samples();
      double[] speech = loudExtent(clip);
      int blockEnd = at + 60 * 16_000;
      while (at + clip.length <= blockEnd) {
        System.arraycopy(clip, 0, recording, at, clip.length);
        expected.add(new double[] {at / 16e3 + speech[0], at / 16e3 + speech[1]});
        at += clip.length + 24_000; // a 1.5 s pause
      }
      at = blockEnd;
    }
    DecodedAudio threeMinutes =
        new DecodedAudio(recording, 16_000, "wav", 16_000, 1, recording.length / 16e3);

    Prediction prediction = recognizer.recognize(threeMinutes);

    List<TimelineSegment> segments = prediction.segments();
    assertThat(segments).hasSameSizeAs(expected);
    for (int i = 0; i < segments.size(); i++) {
      assertThat(segments.get(i).startSeconds())
          .as("segment %d starts where its speech does", i)
          .isCloseTo(expected.get(i)[0], within(0.5));
      assertThat(segments.get(i).endSeconds())
          .as("segment %d ends where its speech does", i)
          .isCloseTo(expected.get(i)[1], within(0.5));
    }
    assertThat(prediction.timeline()).hasSizeGreaterThan(170);
  }

  /**
   * Seconds from the first to the last 10 ms frame of a clip within 35 dB of its loudest: where its
   * sentence is, independently of the speech detector.
   */
  private static double[] loudExtent(float[] clip) {
    int frames = clip.length / 160;
    double[] level = new double[frames];
    double loudest = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < frames; t++) {
      double sum = 0;
      for (int i = t * 160; i < (t + 1) * 160; i++) {
        sum += clip[i] * clip[i];
      }
      level[t] = 10 * Math.log10(sum / 160 + 1e-12);
      loudest = Math.max(loudest, level[t]);
    }
    int first = -1;
    int last = -1;
    for (int t = 0; t < frames; t++) {
      if (level[t] > loudest - 35) {
        first = first < 0 ? t : first;
        last = t;
      }
    }
    return new double[] {first * 0.01, (last + 1) * 0.01};
  }

  @Test
  void refusesATonePlayedForTwoSecondsAsNoSpeech() {
    float[] tone = new float[2 * 16_000];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
    }
    DecodedAudio audio = new DecodedAudio(tone, 16_000, "wav", 16_000, 1, 2.0);

    assertThatThrownBy(() -> recognizer.recognize(audio))
        .isInstanceOf(AudioException.class)
        .extracting(e -> ((AudioException) e).code())
        .isEqualTo("no_speech");
  }

  @Test
  void clipOfAtMostThreeSecondsIsOneWindowWithoutTimeline() throws IOException {
    float[] threeSeconds = Arrays.copyOf(audio("speech_16k.wav").samples(), 3 * 16_000 - 160);
    DecodedAudio clip = new DecodedAudio(threeSeconds, 16_000, "wav", 16_000, 1, 2.99);

    assertThat(recognizer.recognize(clip).timeline()).isEmpty();
    assertThat(recognizer.recognize(audio("ravdess_sad_actor12.wav")).timeline())
        .as("3.6 s: a window from 0 s and one ending at the end")
        .hasSize(2);
  }

  @Test
  void refusesAClipShorterThanHalfASecondWithATypedError() throws IOException {
    float[] short40 = Arrays.copyOf(audio("speech_16k.wav").samples(), 6_400);
    DecodedAudio tooShort = new DecodedAudio(short40, 16_000, "wav", 16_000, 1, 0.4);

    assertThatThrownBy(() -> recognizer.recognize(tooShort))
        .isInstanceOf(AudioException.class)
        .extracting(e -> ((AudioException) e).code())
        .isEqualTo("audio_too_short");
  }

  @Test
  void refusesSilenceInsteadOfNamingAnEmotion() {
    DecodedAudio silence = new DecodedAudio(new float[32_000], 16_000, "wav", 16_000, 1, 2.0);

    assertThatThrownBy(() -> recognizer.recognize(silence))
        .isInstanceOf(dev.ser.audio.SilentAudioException.class);
  }

  @Test
  void refusesToStartWithAnExtractorOfAnotherSpec() {
    FeatureSpec other = FeatureSpec.librosaDefaults(16_000);

    assertThatThrownBy(() -> EmotionModel.bundled(other))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("trained on features")
        .extracting(e -> ((ModelException) e).code())
        .isEqualTo("model_spec_mismatch");
    assertThatThrownBy(() -> new EmotionRecognizer(model, new FeatureExtractor(other)))
        .isInstanceOf(ModelException.class)
        .extracting(e -> ((ModelException) e).code())
        .isEqualTo("model_spec_mismatch");
  }

  @Test
  void eightThreadsSharingTheModelGetTheSequentialResults() throws Exception {
    List<DecodedAudio> clips = new ArrayList<>();
    for (String file : FILES) {
      clips.add(audio(file));
    }
    List<Prediction> sequential = clips.stream().map(recognizer::recognize).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Prediction>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  List<Prediction> mine = new ArrayList<>();
                  for (int round = 0; round < 5; round++) {
                    clips.forEach(c -> mine.add(recognizer.recognize(c)));
                  }
                  return mine;
                }));
      }
      for (Future<List<Prediction>> result : results) {
        List<Prediction> mine = result.get();
        for (int i = 0; i < mine.size(); i++) {
          double[] expected = sequential.get(i % clips.size()).scores().probabilities();
          assertThat(mine.get(i).scores().probabilities())
              .as("windows batched with other threads' windows differ by float rounding at most")
              .containsExactly(expected, within(1e-6));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
