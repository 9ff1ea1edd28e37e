package dev.ser.training.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

  static Path manifest(Path dir, String name, String text) throws IOException {
    Path csv = dir.resolve(name);
    Files.createDirectories(csv.getParent());
    return Files.writeString(csv, text);
  }

  @Test
  void resolvesPathsAgainstTheManifestsDirectory(@TempDir Path dir) throws IOException {
    Path csv = manifest(dir, "sets/holdout.csv", "path,emotion\na.wav,anger\n../b/c.wav,Sad\n");

    assertThat(Manifest.read(csv))
        .extracting(Clip::audio, Clip::emotion)
        .containsExactly(
            tuple(dir.resolve("sets/a.wav"), Emotion.ANGER),
            tuple(dir.resolve("b/c.wav"), Emotion.SAD));
  }

  @Test
  void headerRowIsOptional(@TempDir Path dir) throws IOException {
    Path withHeader = manifest(dir, "h.csv", "path,emotion,speaker\nx.wav,fear,s1\n");
    Path without = manifest(dir, "n.csv", "x.wav,fear,s1\n");

    assertThat(Manifest.read(withHeader)).hasSize(1);
    assertThat(Manifest.read(without)).hasSize(1);
  }

  @Test
  void headerNamesTheColumnsInAnyOrderAndExtraColumnsAreIgnored(@TempDir Path dir)
      throws IOException {
    Path csv =
        manifest(
            dir,
            "named.csv",
            "duration,Label,speaker_id,FILE\n3.1,happy,s1,a.wav\n2.0,fear,,b.wav\n");

    assertThat(Manifest.read(csv))
        .extracting(c -> c.audio().getFileName().toString(), Clip::emotion, Clip::speaker)
        .containsExactly(
            tuple("a.wav", Emotion.HAPPY, "named:s1"),
            tuple("b.wav", Emotion.FEAR, "named:unknown"));
  }

  @Test
  void bareSpeakerIsPrefixedWithTheManifestName(@TempDir Path dir) throws IOException {
    Path csv =
        manifest(
            dir,
            "Holdout.csv",
            "a.wav,happy,7\nb.wav,happy,ravdess:17\nc.wav,happy\nd.wav,happy,\n");

    assertThat(Manifest.read(csv))
        .extracting(Clip::speaker, Clip::corpus)
        .containsExactly(
            tuple("holdout:7", "holdout"),
            tuple("ravdess:17", "ravdess"),
            tuple("holdout:unknown", "holdout"),
            tuple("holdout:unknown", "holdout"));
  }

  @Test
  void quotedFieldsMayHoldCommasAndQuotes(@TempDir Path dir) throws IOException {
    Path csv = manifest(dir, "q.csv", "\"a, \"\"b\"\".wav\",neutral\n");

    assertThat(Manifest.read(csv).get(0).audio().getFileName().toString())
        .isEqualTo("a, \"b\".wav");
  }

  @Test
  void acceptsCommonSpellingsOfTheSixButNotCalmOrSurprised() {
    assertThat(
            Stream.of("ANGRY", "disgusted", "Fearful", "happiness", "NEU", "sadness")
                .map(Manifest::emotionOf))
        .containsExactly(Emotion.values());
    assertThatThrownBy(() -> Manifest.emotionOf("calm"))
        .hasMessageContaining("unknown emotion 'calm'");
    assertThatThrownBy(() -> Manifest.emotionOf("surprised"))
        .hasMessageContaining("unknown emotion 'surprised'");
  }

  @Test
  void skipsBlankAndCommentLines(@TempDir Path dir) throws IOException {
    Path csv = manifest(dir, "c.csv", "# made by hand\n\na.wav,disgust\n   \n");

    assertThat(Manifest.read(csv)).extracting(Clip::emotion).containsExactly(Emotion.DISGUST);
  }

  @Test
  void reportsEveryBadRowWithItsLineNumber(@TempDir Path dir) throws IOException {
    Path csv =
        manifest(
            dir,
            "bad.csv",
            "a.wav,anger\nb.wav,calm\nc.wav\n,sad\n\"d.wav,sad\ne.wav,sad,s,extra\n");

    assertThatThrownBy(() -> Manifest.read(csv))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("5 problems")
        .hasMessageContaining("line 2: unknown emotion 'calm'")
        .hasMessageContaining("line 3: expected path,emotion[,speaker] but found 1 field(s)")
        .hasMessageContaining("line 4: empty path")
        .hasMessageContaining("line 5: unterminated quote")
        .hasMessageContaining("line 6: expected path,emotion[,speaker] but found 4 field(s)");
  }

  @Test
  void rowShorterThanTheHeaderIsReported(@TempDir Path dir) throws IOException {
    Path csv = manifest(dir, "short.csv", "speaker,path,emotion\ns1,a.wav,sad\ns2,b.wav\n");

    assertThatThrownBy(() -> Manifest.read(csv))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("line 3: expected at least 3 fields as the header says");
  }

  @Test
  void rejectsMissingOrEmptyManifest(@TempDir Path dir) throws IOException {
    Path empty = manifest(dir, "empty.csv", "path,emotion\n");

    assertThatThrownBy(() -> Manifest.read(empty)).hasMessageContaining("has no rows");
    assertThatThrownBy(() -> Manifest.read(dir.resolve("absent.csv")))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("does not exist");
  }
}
