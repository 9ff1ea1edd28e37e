package dev.ser.training.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IemocapTest {

  /** Two sessions in the release layout, one dialog each, six utterances per dialog. */
  static Path fixture() throws URISyntaxException {
    return Path.of(IemocapTest.class.getResource("/iemocap").toURI());
  }

  @Test
  void readsMappedUtterancesWithSpeakerFromTheLetterBeforeTheNumber() throws Exception {
    List<Clip> clips = Iemocap.read(fixture());

    assertThat(clips)
        .extracting(c -> c.audio().getFileName().toString(), Clip::emotion, Clip::speaker)
        .containsExactly(
            tuple("Ses01F_impro01_F000.wav", Emotion.NEUTRAL, "iemocap:Ses01F"),
            tuple("Ses01F_impro01_M001.wav", Emotion.ANGER, "iemocap:Ses01M"),
            tuple("Ses01F_impro01_F002.wav", Emotion.HAPPY, "iemocap:Ses01F"),
            tuple("Ses01F_impro01_M005.wav", Emotion.HAPPY, "iemocap:Ses01M"),
            tuple("Ses02M_script01_1_F000.wav", Emotion.SAD, "iemocap:Ses02F"),
            tuple("Ses02M_script01_1_M001.wav", Emotion.DISGUST, "iemocap:Ses02M"),
            tuple("Ses02M_script01_1_F002.wav", Emotion.FEAR, "iemocap:Ses02F"),
            tuple("Ses02M_script01_1_M005.wav", Emotion.NEUTRAL, "iemocap:Ses02M"));
  }

  @Test
  void audioPathFollowsSentencesWavDialogLayout() throws Exception {
    Clip first = Iemocap.read(fixture()).get(0);

    assertThat(first.audio())
        .isEqualTo(
            fixture().resolve("Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_F000.wav"));
    assertThat(first.audio()).isRegularFile();
    assertThat(first.corpus()).isEqualTo("iemocap");
  }

  @Test
  void genderIsTheSpeakersLetterNotTheDialogs() throws Exception {
    assertThat(Iemocap.read(fixture()))
        .allSatisfy(
            clip ->
                assertThat(clip.gender())
                    .isEqualTo(clip.speaker().endsWith("F") ? Gender.FEMALE : Gender.MALE));
  }

  @Test
  void dropsFrustratedSurprisedOtherAndNoAgreement() {
    assertThat(Stream.of("fru", "sur", "oth", "xxx").map(Iemocap::emotionOf))
        .allMatch(java.util.Optional::isEmpty);
    assertThat(Iemocap.emotionOf("exc")).contains(Emotion.HAPPY);
  }

  @Test
  void readsOneSessionDirectoryOnItsOwn() throws Exception {
    assertThat(Iemocap.read(fixture().resolve("Session2")))
        .extracting(Clip::speaker)
        .containsOnly("iemocap:Ses02F", "iemocap:Ses02M")
        .hasSize(4);
  }

  @Test
  void reportsMissingAudioAndUnknownLabelWithFileAndLine(@TempDir Path dir) throws Exception {
    copy(fixture(), dir);
    Files.delete(dir.resolve("Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_M001.wav"));
    Files.writeString(
        dir.resolve("Session2/dialog/EmoEvaluation/Ses02M_script01_1.txt"),
        "[30.0000 - 31.0000]\tSes02M_script01_1_F009\tbor\t[2.5000, 2.5000, 2.5000]\n",
        StandardOpenOption.APPEND);

    assertThatThrownBy(() -> Iemocap.read(dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("2 problems")
        .hasMessageContaining("Ses01F_impro01.txt line 7: no audio at")
        .hasMessageContaining("Ses02M_script01_1.txt line 27: unknown IEMOCAP label 'bor'");
  }

  @Test
  void rejectsDirectoryWithoutSessions(@TempDir Path dir) {
    assertThatThrownBy(() -> Iemocap.read(dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("no Session*/dialog/EmoEvaluation");
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
