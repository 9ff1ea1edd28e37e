package dev.ser.training.evaluation;

import static dev.ser.domain.emotion.Emotion.ANGER;
import static dev.ser.domain.emotion.Emotion.FEAR;
import static dev.ser.domain.emotion.Emotion.HAPPY;
import static dev.ser.domain.emotion.Emotion.NEUTRAL;
import static dev.ser.domain.emotion.Emotion.SAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.domain.emotion.Emotion;
import dev.ser.training.corpus.Clip;
import dev.ser.training.corpus.CorpusException;
import dev.ser.training.corpus.Iemocap;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  /** The ten clips of {@link ConfusionMatrixTest#example()}: "a" corpus has 6, "b" 4. */
  private static final List<Emotion> TRUTH =
      List.of(ANGER, ANGER, ANGER, ANGER, SAD, SAD, NEUTRAL, NEUTRAL, NEUTRAL, FEAR);

  private static final List<Emotion> PREDICTED =
      List.of(ANGER, ANGER, ANGER, SAD, SAD, NEUTRAL, NEUTRAL, NEUTRAL, SAD, HAPPY);

  static List<Clip> clips() {
    List<Clip> clips = new ArrayList<>();
    for (int i = 0; i < TRUTH.size(); i++) {
      String corpus = i < 6 ? "a" : "b";
      clips.add(new Clip(Path.of("clip" + i + ".wav"), TRUTH.get(i), corpus + ":1", corpus));
    }
    return clips;
  }

  /** Answers from {@link #PREDICTED} by the clip's index in its file name. */
  static Evaluation.Classifier scripted() {
    return audio -> {
      String name = audio.getFileName().toString();
      return PREDICTED.get(Integer.parseInt(name.substring(4, name.indexOf('.'))));
    };
  }

  @Test
  void scoresEveryClipInItsOrderOnSeveralThreads() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Evaluation.Classifier slow =
        audio -> {
          threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
          Thread.sleep(20);
          return scripted().classify(audio);
        };

    EvaluationResult result = Evaluation.run(clips(), slow, 2, done -> {});

    assertThat(result.outcomes())
        .extracting(Outcome::predicted)
        .containsExactlyElementsOf(PREDICTED);
    assertThat(result.confusion()).isEqualTo(ConfusionMatrixTest.example());
    assertThat(threads).hasSize(2);
  }

  @Test
  void skipsClipsTheClassifierFailsOnAndSaysWhy() throws Exception {
    Evaluation.Classifier failsOnTwo =
        audio -> {
          if (audio.getFileName().toString().equals("clip2.wav")) {
            throw new UncheckedIOException(new NoSuchFileException("clip2.wav: no such file"));
          }
          return scripted().classify(audio);
        };

    EvaluationResult result = Evaluation.run(clips(), failsOnTwo, 2, done -> {});

    assertThat(result.outcomes()).hasSize(9);
    assertThat(result.skipped())
        .containsExactly(new Skipped(Path.of("clip2.wav"), "file not found"));
    assertThat(result.confusion().support(ANGER)).isEqualTo(3);
  }

  @Test
  void reportsProgressOncePerClip() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger highest = new AtomicInteger();

    Evaluation.run(
        clips(),
        scripted(),
        2,
        done -> {
          calls.incrementAndGet();
          highest.accumulateAndGet(done, Math::max);
        });

    assertThat(calls).hasValue(10);
    assertThat(highest).hasValue(10);
  }

  @Test
  void nothingReadableIsAClearError() throws Exception {
    EvaluationResult result =
        Evaluation.run(
            clips(),
            audio -> {
              throw new IllegalStateException("corrupt");
            },
            1,
            d -> {});

    assertThat(result.skipped()).hasSize(10).allMatch(s -> s.reason().equals("corrupt"));
    assertThatThrownBy(result::confusion)
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("no clip could be evaluated (10 skipped)");
  }

  @Test
  void jsonHasTheAgreedKeysAndValues() throws Exception {
    EvaluationResult result = Evaluation.run(clips(), scripted(), 2, done -> {});

    JsonNode json = new ObjectMapper().readTree(result.json());

    assertThat(json.get("n").asInt()).isEqualTo(10);
    assertThat(json.get("accuracy").asDouble()).isCloseTo(0.6, within(1e-9));
    assertThat(json.get("unweighted_accuracy").asDouble()).isCloseTo(0.4791666667, within(1e-9));
    assertThat(json.get("macro_f1").asDouble()).isCloseTo(0.4809523810, within(1e-9));
    assertThat(json.get("per_class").fieldNames())
        .toIterable()
        .containsExactly("anger", "fear", "neutral", "sad");
    JsonNode sad = json.get("per_class").get("sad");
    assertThat(sad.get("recall").asDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(sad.get("precision").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(sad.get("f1").asDouble()).isCloseTo(0.4, within(1e-9));
    assertThat(sad.get("support").asInt()).isEqualTo(2);
    assertThat(json.get("confusion")).hasSize(6);
    assertThat(json.get("confusion").get(0).toString()).isEqualTo("[3,0,0,0,0,1]");
    assertThat(json.get("labels").toString())
        .isEqualTo("[\"anger\",\"disgust\",\"fear\",\"happy\",\"neutral\",\"sad\"]");
    assertThat(json.get("skipped").asInt()).isZero();
  }

  @Test
  void scoresEachCorpusOnItsOwn() throws Exception {
    EvaluationResult result = Evaluation.run(clips(), scripted(), 1, done -> {});

    Map<String, ConfusionMatrix> byCorpus = result.confusionByCorpus();

    assertThat(byCorpus).containsOnlyKeys("a", "b");
    assertThat(byCorpus.get("a").accuracy()).isCloseTo(4.0 / 6, within(1e-9));
    assertThat(byCorpus.get("b").unweightedAccuracy()).isCloseTo((2.0 / 3 + 0) / 2, within(1e-9));
    JsonNode json = new ObjectMapper().readTree(result.json());
    assertThat(json.get("per_corpus").get("b").get("n").asInt()).isEqualTo(4);
  }

  @Test
  void tableShowsScoresPerClassAndTheMatrix() throws Exception {
    String table = Evaluation.run(clips(), scripted(), 1, done -> {}).table();

    assertThat(table)
        .contains("clips evaluated     10")
        .contains("accuracy            60.0 %")
        .contains("unweighted accuracy 47.9 %   (mean recall over the 4 classes present)")
        .contains("macro-F1            48.1 %")
        .containsPattern("anger\\s+75.0 %\\s+100.0 %\\s+85.7 %\\s+4")
        .containsPattern("disgust\\s+-\\s+0.0 %\\s+-\\s+0")
        .contains("confusion (rows = true, columns = predicted)")
        .containsPattern("neutral\\s+0\\s+0\\s+0\\s+0\\s+2\\s+1")
        .containsPattern("b\\s+4\\s+50.0 %\\s+33.3 %");
  }

  @Test
  void decodesTheIemocapFixtureThroughTheProductDecoder() throws Exception {
    List<Clip> clips = Iemocap.read(Path.of(getClass().getResource("/iemocap").toURI()));
    AudioDecoder decoder = new AudioDecoder();
    Set<Integer> sampleCounts = ConcurrentHashMap.newKeySet();

    EvaluationResult result =
        Evaluation.run(
            clips,
            audio -> {
              sampleCounts.add(decoder.decode(audio).requireSound().samples().length);
              return NEUTRAL;
            },
            2,
            done -> {});

    assertThat(result.skipped()).isEmpty();
    assertThat(result.confusion().n()).isEqualTo(8);
    assertThat(result.confusion().recall(NEUTRAL)).isEqualTo(1.0);
    assertThat(sampleCounts).containsExactly(9600);
  }
}
