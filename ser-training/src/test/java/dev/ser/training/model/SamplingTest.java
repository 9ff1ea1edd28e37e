package dev.ser.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.ModelFrames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingTest {
  private static final ModelFrames FRAMES = SyntheticClips.examples(1, 3).get(0).frames();

  /** Corpus a: 4 anger, 1 sad; corpus b: 5 anger. */
  private static final List<Example> TRAIN = train();

  @Test
  void everyCorpusEmotionCellGetsTheSameShareByDefault() {
    Map<String, Double> shares = shares(Sampling.CELLS.cumulative(TRAIN));

    assertThat(shares.get("a/anger")).isCloseTo(1 / 3.0, offset(1e-9));
    assertThat(shares.get("a/sad")).isCloseTo(1 / 3.0, offset(1e-9));
    assertThat(shares.get("b/anger")).isCloseTo(1 / 3.0, offset(1e-9));
  }

  @Test
  void byEmotionEveryEmotionGetsTheSameShareAndCorporaSplitItBySquareRootOfTheirClips() {
    Map<String, Double> shares = shares(Sampling.EMOTIONS.cumulative(TRAIN));

    // anger: a has 4 clips, b 5, so sqrt(4) : sqrt(5) of anger's half; sad is a's alone
    double anger = 2 + Math.sqrt(5);
    assertThat(shares.get("a/anger")).isCloseTo(0.5 * 2 / anger, offset(1e-9));
    assertThat(shares.get("b/anger")).isCloseTo(0.5 * Math.sqrt(5) / anger, offset(1e-9));
    assertThat(shares.get("a/sad")).isCloseTo(0.5, offset(1e-9));
  }

  @Test
  void byClipsEachCorpusGetsItsShareOfClipsSplitEvenlyOverItsEmotions() {
    Map<String, Double> shares = shares(Sampling.CLIPS.cumulative(TRAIN));

    assertThat(shares.get("a/anger")).isCloseTo(0.25, offset(1e-9));
    assertThat(shares.get("a/sad")).isCloseTo(0.25, offset(1e-9));
    assertThat(shares.get("b/anger")).isCloseTo(0.5, offset(1e-9));
  }

  @Test
  void speakerEntropyIsThatOfTheSpeakersAsDrawn() {
    // a:1 is drawn 2/3 of the time by cell, 1/2 by clips; b:1 the rest
    double byCell = -(2 / 3.0 * Math.log(2 / 3.0) + 1 / 3.0 * Math.log(1 / 3.0));
    assertThat(Trainer.speakerEntropy(TRAIN, Sampling.CELLS.cumulative(TRAIN)))
        .isCloseTo(byCell, offset(1e-9));
    assertThat(Trainer.speakerEntropy(TRAIN, Sampling.CLIPS.cumulative(TRAIN)))
        .isCloseTo(Math.log(2), offset(1e-9));
  }

  private static Map<String, Double> shares(double[] cumulative) {
    assertThat(cumulative[cumulative.length - 1]).isCloseTo(1.0, offset(1e-12));
    Map<String, Double> shares = new HashMap<>();
    double previous = 0;
    for (int i = 0; i < cumulative.length; i++) {
      Example example = TRAIN.get(i);
      shares.merge(
          example.corpus() + "/" + example.emotion().label(),
          cumulative[i] - previous,
          Double::sum);
      previous = cumulative[i];
    }
    return shares;
  }

  private static List<Example> train() {
    List<Example> train = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      train.add(new Example(FRAMES, Emotion.ANGER, "a", "a:1"));
    }
    train.add(new Example(FRAMES, Emotion.SAD, "a", "a:1"));
    for (int i = 0; i < 5; i++) {
      train.add(new Example(FRAMES, Emotion.ANGER, "b", "b:1"));
    }
    return train;
  }
}
