package dev.ser.training.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RavdessTest {

  static Path touch(Path dir, String relative) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, new byte[] {0});
  }

  /** Actor 03 (male) and 04 (female), one clip of each of the eight RAVDESS emotions. */
  static Path eightEmotions(Path dir) throws IOException {
    for (String actor : new String[] {"03", "04"}) {
      for (int code = 1; code <= 8; code++) {
        touch(dir, "Actor_" + actor + "/03-01-0" + code + "-01-01-01-" + actor + ".flac");
      }
    }
    return dir;
  }

  @Test
  void mapsEachCodeAndReadsCalmAsNeutralByDefault(@TempDir Path dir) throws IOException {
    assertThat(Ravdess.read(eightEmotions(dir)))
        .filteredOn(c -> c.speaker().equals("ravdess:03"))
        .extracting(c -> c.audio().getFileName().toString().substring(6, 8), Clip::emotion)
        .containsExactly(
            tuple("01", Emotion.NEUTRAL),
            tuple("02", Emotion.NEUTRAL),
            tuple("03", Emotion.HAPPY),
            tuple("04", Emotion.SAD),
            tuple("05", Emotion.ANGER),
            tuple("06", Emotion.FEAR),
            tuple("07", Emotion.DISGUST));
  }

  @Test
  void dropsCalmWhenAsked(@TempDir Path dir) throws IOException {
    assertThat(Ravdess.read(eightEmotions(dir), Ravdess.Calm.DROP))
        .hasSize(12)
        .noneMatch(c -> c.audio().getFileName().toString().startsWith("03-01-02"));
  }

  @Test
  void speakerIsTheActorAndOddActorsAreMale(@TempDir Path dir) throws IOException {
    assertThat(Ravdess.read(eightEmotions(dir)))
        .extracting(Clip::speaker, Clip::gender, Clip::corpus)
        .containsOnly(
            tuple("ravdess:03", Gender.MALE, "ravdess"),
            tuple("ravdess:04", Gender.FEMALE, "ravdess"));
  }

  @Test
  void leavesOutSongAndFilesOfOtherNames(@TempDir Path dir) throws IOException {
    touch(dir, "03-01-05-01-01-01-07.wav");
    touch(dir, "03-02-05-01-01-01-07.wav");
    touch(dir, "notes.wav");
    touch(dir, "03-01-05-01-01-01-07.txt");

    assertThat(Ravdess.read(dir))
        .extracting(c -> c.audio().getFileName().toString())
        .containsExactly("03-01-05-01-01-01-07.wav");
  }

  @Test
  void reportsUnknownEmotionCode(@TempDir Path dir) throws IOException {
    eightEmotions(dir);
    touch(dir, "Actor_03/03-01-09-01-01-01-03.flac");

    assertThatThrownBy(() -> Ravdess.read(dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("03-01-09-01-01-01-03.flac: unknown emotion code 09");
  }

  @Test
  void rejectsDirectoryWithoutRavdessFiles(@TempDir Path dir) throws IOException {
    touch(dir, "hello.wav");

    assertThatThrownBy(() -> Ravdess.read(dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("no speech files named like 03-01-EE-II-SS-RR-AA");
    assertThatThrownBy(() -> Ravdess.read(dir.resolve("absent")))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void calmOptionAcceptsOnlyNeutralOrDrop() {
    assertThat(Ravdess.Calm.parse("DROP")).isEqualTo(Ravdess.Calm.DROP);
    assertThatThrownBy(() -> Ravdess.Calm.parse("sad"))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("calm=sad is not one of neutral, drop");
  }
}
