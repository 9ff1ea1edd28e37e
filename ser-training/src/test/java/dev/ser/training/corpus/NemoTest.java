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

class NemoTest {
  private static final String HEADER =
      "file_id\temotion\traw_text\tnormalized_text\tspeaker_id\tgender\tage\n";

  static Path corpus(Path dir) throws IOException {
    for (String name :
        new String[] {
          "EB0_anger_1", "EB0_happiness_2", "KS0_sadness_3", "KS0_neutral_4", "KS0_fear_5"
        }) {
      touch(dir, name + ".opus");
    }
    Files.writeString(
        dir.resolve("data.tsv"),
        HEADER
            + "EB0_anger_1.wav\tanger\tA.\ta\t        EB0\tfemale\t27\n"
            + "EB0_happiness_2.wav\thappiness\tB.\tb\t        EB0\tfemale\t27\n"
            + "KS0_sadness_3.wav\tsadness\tC.\tc\t        KS0\tmale\t30\n"
            + "KS0_neutral_4.wav\tneutral\tD.\td\t        KS0\tmale\t30\n"
            + "KS0_fear_5.wav\tfear\tE.\te\t        KS0\tmale\t30\n");
    return dir;
  }

  @Test
  void readsLabelsSpeakersAndGenderFromDataTsv(@TempDir Path dir) throws IOException {
    assertThat(Nemo.read(corpus(dir)))
        .extracting(
            c -> c.audio().getFileName().toString(), Clip::emotion, Clip::speaker, Clip::gender)
        .containsExactly(
            tuple("EB0_anger_1.opus", Emotion.ANGER, "nemo:EB0", Gender.FEMALE),
            tuple("EB0_happiness_2.opus", Emotion.HAPPY, "nemo:EB0", Gender.FEMALE),
            tuple("KS0_sadness_3.opus", Emotion.SAD, "nemo:KS0", Gender.MALE),
            tuple("KS0_neutral_4.opus", Emotion.NEUTRAL, "nemo:KS0", Gender.MALE),
            tuple("KS0_fear_5.opus", Emotion.FEAR, "nemo:KS0", Gender.MALE));
  }

  @Test
  void withoutDataTsvReadsFileNamesAndGenderIsUnknown(@TempDir Path dir) throws IOException {
    corpus(dir);
    Files.delete(dir.resolve("data.tsv"));

    assertThat(Nemo.read(dir))
        .hasSize(5)
        .extracting(Clip::speaker, Clip::gender)
        .contains(tuple("nemo:KS0", Gender.UNKNOWN), tuple("nemo:EB0", Gender.UNKNOWN));
  }

  @Test
  void neverProducesDisgust(@TempDir Path dir) throws IOException {
    assertThat(Nemo.read(corpus(dir))).noneMatch(c -> c.emotion() == Emotion.DISGUST);
    assertThat(Nemo.emotionOf("surprised")).isEmpty();
  }

  @Test
  void reportsRowWhoseAudioIsMissingWithLineNumber(@TempDir Path dir) throws IOException {
    corpus(dir);
    Files.delete(dir.resolve("KS0_neutral_4.opus"));

    assertThatThrownBy(() -> Nemo.read(dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("line 5: no audio file for KS0_neutral_4.wav");
  }

  @Test
  void reportsUnknownEmotion(@TempDir Path dir) throws IOException {
    corpus(dir);
    touch(dir, "EB0_joy_9.opus");
    Files.writeString(
        dir.resolve("data.tsv"),
        Files.readString(dir.resolve("data.tsv")) + "EB0_joy_9.wav\tjoy\tF.\tf\tEB0\tfemale\t27\n");

    assertThatThrownBy(() -> Nemo.read(dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("line 7: unknown nEMO emotion 'joy'");
  }
}
