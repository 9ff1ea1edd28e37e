package dev.ser.training.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.emotion.Emotion;
import dev.ser.training.corpus.SpeakerSplit.Part;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpeakerSplitTest {

  /**
   * 20 "ravdess" actors (odd male) with 6 clips each, one per emotion; 9 "nemo" speakers (4 female,
   * 5 male) with 5 clips each (no disgust); one "solo" speaker with 2 clips.
   */
  static List<Clip> clips() {
    List<Clip> clips = new ArrayList<>();
    for (int actor = 1; actor <= 20; actor++) {
      Gender gender = actor % 2 == 1 ? Gender.MALE : Gender.FEMALE;
      for (Emotion emotion : Emotion.values()) {
        clips.add(clip("ravdess", String.format("%02d", actor), gender, emotion, clips.size()));
      }
    }
    for (int speaker = 1; speaker <= 9; speaker++) {
      Gender gender = speaker <= 4 ? Gender.FEMALE : Gender.MALE;
      for (Emotion emotion : Emotion.values()) {
        if (emotion != Emotion.DISGUST) {
          clips.add(clip("nemo", "S" + speaker, gender, emotion, clips.size()));
        }
      }
    }
    clips.add(clip("solo", "x", Gender.UNKNOWN, Emotion.SAD, clips.size()));
    clips.add(clip("solo", "x", Gender.UNKNOWN, Emotion.HAPPY, clips.size()));
    return clips;
  }

  private static Clip clip(String corpus, String id, Gender gender, Emotion emotion, int n) {
    return new Clip(Path.of(n + ".wav"), emotion, corpus + ":" + id, corpus, gender);
  }

  @Test
  void foldsHoldEverySpeakerOnceWithAFifthOfEachCorpusAndBothGenders() {
    List<Clip> clips =
        clips().stream().filter(c -> !c.corpus().equals("solo")).collect(Collectors.toList());

    List<Set<String>> folds = SpeakerSplit.folds(clips, 5, 3);

    assertThat(folds).hasSize(5);
    List<String> all = folds.stream().flatMap(Set::stream).toList();
    assertThat(all).doesNotHaveDuplicates().hasSize(29);
    for (Set<String> fold : folds) {
      long ravdess = fold.stream().filter(s -> s.startsWith("ravdess:")).count();
      assertThat(ravdess).isEqualTo(4);
      long male =
          fold.stream()
              .filter(s -> s.startsWith("ravdess:"))
              .filter(s -> Integer.parseInt(s.substring(8)) % 2 == 1)
              .count();
      assertThat(male).isEqualTo(2);
      assertThat(fold.stream().filter(s -> s.startsWith("nemo:")).count()).isBetween(1L, 2L);
    }
    assertThat(SpeakerSplit.folds(clips, 5, 3)).isEqualTo(folds);
  }

  @Test
  void foldsRefuseACorpusWithFewerSpeakersThanFolds() {
    assertThatThrownBy(() -> SpeakerSplit.folds(clips(), 5, 1))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("solo has 1 speakers");
  }

  @Test
  void corpusStarHoldsOutAWholeCorpus() {
    SpeakerSplit split = SpeakerSplit.bySpeakers(clips(), "nemo:*");

    assertThat(split.validation()).hasSize(45).allMatch(c -> c.corpus().equals("nemo"));
    assertThat(split.train()).noneMatch(c -> c.corpus().equals("nemo"));
  }

  @Test
  void noSpeakerIsOnBothSidesAndNoClipIsLost() {
    SpeakerSplit split = SpeakerSplit.byFraction(clips(), 0.2, 7);

    Set<String> overlap = new HashSet<>(split.trainSpeakers());
    overlap.retainAll(split.validationSpeakers());
    assertThat(overlap).isEmpty();
    assertThat(split.train().size() + split.validation().size()).isEqualTo(clips().size());
    Set<Clip> together = new HashSet<>(split.train());
    together.addAll(split.validation());
    assertThat(together).containsExactlyInAnyOrderElementsOf(clips());
  }

  @Test
  void sameSeedGivesSameSplitAndOtherSeedsDiffer() {
    SpeakerSplit first = SpeakerSplit.byFraction(clips(), 0.2, 42);
    SpeakerSplit again = SpeakerSplit.byFraction(clips(), 0.2, 42);

    assertThat(again).isEqualTo(first);
    Set<Set<String>> draws = new HashSet<>();
    for (long seed = 0; seed < 10; seed++) {
      draws.add(SpeakerSplit.byFraction(clips(), 0.2, seed).validationSpeakers());
    }
    assertThat(draws).hasSizeGreaterThan(1);
  }

  @Test
  void takesTheFractionOfEachCorpusBalancedByGender() {
    SpeakerSplit split = SpeakerSplit.byFraction(clips(), 0.2, 3);

    List<Clip> ravdess =
        split.validation().stream().filter(c -> c.corpus().equals("ravdess")).toList();
    assertThat(speakersByGender(ravdess, Gender.MALE)).hasSize(2);
    assertThat(speakersByGender(ravdess, Gender.FEMALE)).hasSize(2);
    List<Clip> nemo = split.validation().stream().filter(c -> c.corpus().equals("nemo")).toList();
    assertThat(speakersByGender(nemo, Gender.MALE)).hasSize(1);
    assertThat(speakersByGender(nemo, Gender.FEMALE)).hasSize(1);
  }

  @Test
  void aCorpusOfOneSpeakerStaysInTraining() {
    SpeakerSplit split = SpeakerSplit.byFraction(clips(), 0.5, 1);

    assertThat(split.trainSpeakers()).contains("solo:x");
    assertThat(split.validationSpeakers()).noneMatch(s -> s.startsWith("solo:"));
  }

  @Test
  void countsClipsPerCorpusSideAndEmotion() {
    SpeakerSplit split = SpeakerSplit.bySpeakers(clips(), "ravdess:17, ravdess:18,nemo:S1");

    assertThat(split.count("ravdess", Part.VALIDATION, Emotion.ANGER)).isEqualTo(2);
    assertThat(split.count("ravdess", Part.TRAIN, Emotion.ANGER)).isEqualTo(18);
    assertThat(split.count("nemo", Part.VALIDATION, Emotion.SAD)).isEqualTo(1);
    assertThat(split.count("nemo", Part.TRAIN, Emotion.SAD)).isEqualTo(8);
    assertThat(split.count("nemo", Part.TRAIN, Emotion.DISGUST)).isZero();
    assertThat(split.count("solo", Part.VALIDATION, Emotion.SAD)).isZero();
  }

  @Test
  void countsTableHasOneRowPerCorpusAndSide() {
    String table =
        SpeakerSplit.bySpeakers(clips(), List.of("ravdess:17", "ravdess:18")).countsTable();

    assertThat(table.lines().toList())
        .first()
        .asString()
        .contains("corpus", "speakers", "anger", "disgust", "sad", "total");
    assertThat(table)
        .containsPattern("ravdess\\s+train\\s+18\\s+18\\s+18\\s+18\\s+18\\s+18\\s+18\\s+108")
        .containsPattern("ravdess\\s+validation\\s+2\\s+2\\s+2\\s+2\\s+2\\s+2\\s+2\\s+12")
        .containsPattern("nemo\\s+validation\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0")
        .contains("validation speakers: ravdess:17, ravdess:18");
  }

  @Test
  void namedValidationSpeakersMustExist() {
    assertThatThrownBy(() -> SpeakerSplit.bySpeakers(clips(), "ravdess:17,ravdess:99"))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("validation speakers with no clips: [ravdess:99]");
  }

  @Test
  void rejectsFractionOutsideZeroOne() {
    assertThatThrownBy(() -> SpeakerSplit.byFraction(clips(), 1.0, 1))
        .isInstanceOf(CorpusException.class);
    assertThatThrownBy(() -> SpeakerSplit.byFraction(clips(), 0, 1))
        .isInstanceOf(CorpusException.class);
  }

  @Test
  void refusesASplitWhoseSidesShareASpeaker() {
    Clip a = clips().get(0);
    Clip b = clips().get(1);

    assertThatThrownBy(() -> new SpeakerSplit(List.of(a), List.of(b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ravdess:01");
  }

  private static Set<String> speakersByGender(List<Clip> clips, Gender gender) {
    return clips.stream()
        .filter(c -> c.gender() == gender)
        .map(Clip::speaker)
        .collect(Collectors.toSet());
  }
}
