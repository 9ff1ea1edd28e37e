package dev.ser.training.corpus;

import static dev.ser.training.corpus.RavdessTest.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaTest {

  @Test
  void readsKindColonPath(@TempDir Path dir) throws IOException {
    RavdessTest.eightEmotions(dir);

    assertThat(Corpora.read("ravdess:" + dir)).hasSize(14);
  }

  @Test
  void passesTheCalmOptionToRavdess(@TempDir Path dir) throws IOException {
    RavdessTest.eightEmotions(dir);

    assertThat(Corpora.read("ravdess,calm=drop:" + dir)).hasSize(12);
    assertThatThrownBy(() -> Corpora.read("ravdess,pace=fast:" + dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("ravdess has no option 'pace'");
    assertThatThrownBy(() -> Corpora.read("nemo,calm=drop:" + dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("nemo has no option 'calm'");
  }

  @Test
  void aNamedSpecMakesItsManifestACorpusOfItsOwn(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("manifest.csv"), "path,emotion,speaker\na.wav,sad,ased-01\n");
    Files.writeString(dir.resolve("other.csv"), "b.wav,anger,k:7\n");

    List<Clip> clips =
        Corpora.readAll(
            List.of(
                "ased=" + dir.resolve("manifest.csv"),
                "emotiontts-kr=" + dir.resolve("other.csv")));

    assertThat(clips).extracting(Clip::corpus).containsExactly("ased", "emotiontts-kr");
    assertThat(clips).extracting(Clip::speaker).containsExactly("ased:ased-01", "emotiontts-kr:7");
  }

  @Test
  void readsACsvPathAsManifest(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("m.csv"), "a.wav,sad\n");

    assertThat(Corpora.read(dir.resolve("m.csv").toString()))
        .extracting(Clip::emotion)
        .containsExactly(Emotion.SAD);
  }

  @Test
  void detectsEachLayoutFromABareDirectory(@TempDir Path dir) throws Exception {
    RavdessTest.eightEmotions(dir.resolve("r"));
    NemoTest.corpus(Files.createDirectories(dir.resolve("n")));
    touch(dir, "c/AudioWAV/1001_DFA_ANG_XX.wav");

    assertThat(Corpora.detect(dir.resolve("r"))).isEqualTo("ravdess");
    assertThat(Corpora.detect(dir.resolve("n"))).isEqualTo("nemo");
    assertThat(Corpora.detect(dir.resolve("c"))).isEqualTo("cremad");
    assertThat(Corpora.detect(IemocapTest.fixture())).isEqualTo("iemocap");
    assertThat(Corpora.read(IemocapTest.fixture().toString())).hasSize(8);
  }

  @Test
  void refusesToGuessADirectoryOfNoneOrSeveralCorpora(@TempDir Path dir) throws IOException {
    touch(dir, "empty/readme.txt");
    touch(dir, "mixed/03-01-05-01-01-01-07.wav");
    touch(dir, "mixed/1001_DFA_ANG_XX.wav");

    assertThatThrownBy(() -> Corpora.read(dir.resolve("empty").toString()))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("cannot tell which corpus");
    assertThatThrownBy(() -> Corpora.read(dir.resolve("mixed").toString()))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("looks like more than one corpus [ravdess, cremad]");
  }

  @Test
  void reportsUnknownKindAndMissingPath(@TempDir Path dir) {
    assertThatThrownBy(() -> Corpora.read("savee:" + dir))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("unknown corpus kind 'savee'");
    assertThatThrownBy(() -> Corpora.read(dir.resolve("nowhere").toString()))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> Corpora.read("nemo:"))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("no path");
    assertThatThrownBy(() -> Corpora.read(" "))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("empty corpus spec");
  }

  @Test
  void readAllJoinsSpecsAndRefusesTheSameFileTwice(@TempDir Path dir) throws IOException {
    RavdessTest.eightEmotions(dir.resolve("r"));
    Files.writeString(dir.resolve("m.csv"), "extra.wav,anger,x\n");

    assertThat(Corpora.readAll(List.of("ravdess:" + dir.resolve("r"), dir + "/m.csv"))).hasSize(15);
    assertThatThrownBy(
            () -> Corpora.readAll(List.of("ravdess:" + dir.resolve("r"), dir.resolve("r") + "")))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("is named twice");
  }
}
