package dev.ser.domain.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import dev.ser.domain.account.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordingTest {
  private static final AudioDescription WAV = new AudioDescription("audio/wav", "wav", 2.5, 80_044);

  @Test
  void keepsOnlyTheLastSegmentOfAnUploadedFileName() {
    var recording =
        Recording.create(
            Optional.empty(),
            RecordingSource.UPLOAD,
            WAV,
            Optional.of("C:\\Users\\me\\..\\clip\u0007.wav"),
            Instant.EPOCH);
    assertThat(recording.originalFilename()).contains("clip.wav");
  }

  @Test
  void blankFileNameBecomesAbsent() {
    var recording =
        Recording.create(
            Optional.empty(), RecordingSource.RECORD, WAV, Optional.of("dir/  "), Instant.EPOCH);
    assertThat(recording.originalFilename()).isEmpty();
  }

  @Test
  void ownershipIsFalseForAnonymousRecordingsAndOtherUsers() {
    var anna = UserId.random();
    var mine =
        Recording.create(
            Optional.of(anna), RecordingSource.UPLOAD, WAV, Optional.empty(), Instant.EPOCH);
    var anonymous =
        Recording.create(
            Optional.empty(), RecordingSource.UPLOAD, WAV, Optional.empty(), Instant.EPOCH);
    assertThat(mine.isOwnedBy(anna)).isTrue();
    assertThat(mine.isOwnedBy(UserId.random())).isFalse();
    assertThat(anonymous.isOwnedBy(anna)).isFalse();
  }

  @Test
  void malformedIdIsNotFoundRatherThanACrash() {
    assertThatThrownBy(() -> RecordingId.parse("1' or '1'='1"))
        .isInstanceOf(RecordingNotFoundException.class)
        .extracting(e -> ((SerException) e).code())
        .isEqualTo("not_found");
    var id = RecordingId.random();
    assertThat(RecordingId.parse(id.toString())).isEqualTo(id);
  }

  @Test
  void audioDescriptionRejectsHeaderInjectionAndNonsenseNumbers() {
    assertThatThrownBy(() -> new AudioDescription("audio/wav\r\nX-Evil: 1", "wav", 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AudioDescription("audio/wav; codecs=1", "wav", 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AudioDescription("audio/wav", "wav", Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AudioDescription("audio/wav", "wav", 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sourceLabelsRoundTrip() {
    for (RecordingSource source : RecordingSource.values()) {
      assertThat(RecordingSource.fromLabel(source.label())).isEqualTo(source);
    }
    assertThatThrownBy(() -> RecordingSource.fromLabel("stream"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
