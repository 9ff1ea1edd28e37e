package dev.ser.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.domain.emotion.Emotion;
import dev.ser.training.codec.RecordingPath;
import dev.ser.training.corpus.Clip;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingPathComparisonTest {
  @TempDir static Path dir;
  private static RecordingPathComparison comparison;

  /**
   * The same speech twice, labelled anger and sad, heard by a stand-in model that says anger for
   * any WAV and sad for anything a lossy codec wrote: the WAV paths agree with the 16 kHz WAV on
   * both clips, the lossy ones on neither, while the UA stays 50 % everywhere.
   */
  @BeforeAll
  static void compare() throws Exception {
    Path speech = dir.resolve("speech.wav");
    try (InputStream wav =
        RecordingPathComparisonTest.class.getResourceAsStream("/golden/speech_16k.wav")) {
      Files.write(speech, wav.readAllBytes());
    }
    List<Clip> clips =
        List.of(
            new Clip(speech, Emotion.ANGER, "s1", "test"),
            new Clip(Files.copy(speech, dir.resolve("again.wav")), Emotion.SAD, "s2", "test"));
    comparison =
        RecordingPathComparison.run(
            clips,
            audio -> audio.format().equals("wav") ? Emotion.ANGER : Emotion.SAD,
            new AudioDecoder(),
            2,
            (path, done) -> {});
  }

  @Test
  void theWavPathsAgreeWithTheWavAndALossyCodecThatChangesEveryAnswerAgreesWithNone() {
    assertThat(comparison.agreement(RecordingPath.WAV_16K)).isEqualTo(1.0);
    assertThat(comparison.agreement(RecordingPath.WAV_44K_STEREO)).isEqualTo(1.0);
    assertThat(comparison.agreement(RecordingPath.WAV_48K_STEREO)).isEqualTo(1.0);
    assertThat(comparison.agreement(RecordingPath.MP3_128K)).isZero();
    assertThat(comparison.agreement(RecordingPath.WEBM_OPUS)).isZero();
  }

  @Test
  void anUnchangedUaDoesNotMeetTheBarWhenTheAnswersChanged() {
    for (RecordingPath path : RecordingPath.values()) {
      assertThat(comparison.result(path).confusion().unweightedAccuracy())
          .as(path.label())
          .isCloseTo(0.5, within(1e-9));
      assertThat(comparison.uaChange(path)).as(path.label()).isCloseTo(0, within(1e-9));
    }
    assertThat(comparison.meetsBar(RecordingPath.WAV_44K_STEREO)).isTrue();
    assertThat(comparison.meetsBar(RecordingPath.OPUS_32K)).isFalse();
  }

  @Test
  void tableHasAHeaderOneRowPerPathAndTheBar() {
    List<String> lines = comparison.table().lines().toList();

    assertThat(lines).hasSize(RecordingPath.values().length + 2);
    assertThat(lines.get(0))
        .contains("recording path", "UA", "accuracy", "UA vs WAV 16k", "same top emotion");
    assertThat(lines.get(1))
        .startsWith("WAV 16 kHz ")
        .contains("50.0 %", "+0.0", "100.0 %")
        .endsWith("met");
    assertThat(lines.get(1 + RecordingPath.AAC_96K.ordinal()))
        .startsWith(RecordingPath.AAC_96K.label())
        .contains("0.0 %")
        .endsWith("missed");
    assertThat(lines.get(lines.size() - 1)).startsWith("bar: ");
  }
}
