package dev.ser.training.corpus;

import static dev.ser.training.corpus.RavdessTest.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CremaDTest {

  @Test
  void mapsTheSixCodesOneToOneWithTheActorAsSpeaker(@TempDir Path dir) throws IOException {
    for (String code : new String[] {"ANG", "DIS", "FEA", "HAP", "NEU", "SAD"}) {
      touch(dir, "AudioWAV/1001_DFA_" + code + "_XX.wav");
    }

    assertThat(CremaD.read(dir))
        .extracting(Clip::emotion, Clip::speaker)
        .containsExactly(
            tuple(Emotion.ANGER, "cremad:1001"),
            tuple(Emotion.DISGUST, "cremad:1001"),
            tuple(Emotion.FEAR, "cremad:1001"),
            tuple(Emotion.HAPPY, "cremad:1001"),
            tuple(Emotion.NEUTRAL, "cremad:1001"),
            tuple(Emotion.SAD, "cremad:1001"));
  }

  @Test
  void takesGenderFromVideoDemographicsWhenPresent(@TempDir Path dir) throws IOException {
    touch(dir, "AudioWAV/1001_DFA_ANG_XX.wav");
    touch(dir, "AudioWAV/1002_IEO_SAD_HI.wav");
    touch(dir, "AudioWAV/1003_IEO_SAD_LO.wav");
    Files.writeString(
        dir.resolve("VideoDemographics.csv"),
        "ActorID,Age,Sex,Race,Ethnicity\n1001,51,Male,Caucasian,Not Hispanic\n"
            + "1002,21,Female,Caucasian,Not Hispanic\n");

    assertThat(CremaD.read(dir))
        .extracting(Clip::speaker, Clip::gender)
        .containsExactly(
            tuple("cremad:1001", Gender.MALE),
            tuple("cremad:1002", Gender.FEMALE),
            tuple("cremad:1003", Gender.UNKNOWN));
  }

  @Test
  void reportsUnknownEmotionCode(@TempDir Path dir) throws IOException {
    touch(dir, "1001_DFA_SUR_XX.wav");

    assertThatThrownBy(() -> CremaD.read(dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("1001_DFA_SUR_XX.wav: unknown CREMA-D emotion code SUR");
  }

  @Test
  void rejectsDirectoryWithoutCremaDFiles(@TempDir Path dir) throws IOException {
    touch(dir, "03-01-05-01-01-01-07.wav");

    assertThatThrownBy(() -> CremaD.read(dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("no files named like 1001_DFA_ANG_XX.wav");
  }

  @Test
  void reportsMalformedDemographicsLine(@TempDir Path dir) throws IOException {
    touch(dir, "1001_DFA_ANG_XX.wav");
    Files.writeString(
        dir.resolve("VideoDemographics.csv"), "ActorID,Age,Sex\n1001,51,Male\n\"1002,21,Female\n");

    assertThatThrownBy(() -> CremaD.read(dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("VideoDemographics.csv line 3: unterminated quote");
  }
}
