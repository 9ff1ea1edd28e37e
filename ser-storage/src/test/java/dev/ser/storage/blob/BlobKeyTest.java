package dev.ser.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.recording.RecordingId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobKeyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/etc/passwd",
        "../up",
        "recordings/../../up",
        "recordings/./x",
        "recordings//x",
        "recordings/",
        ".hidden",
        "recordings/.tmp-1",
        "a\\b",
        "a b",
        "C:/x",
        "a/b/c/d/e/f/g/h/i",
        "r\u00e9sum\u00e9",
        "x\n"
      })
  void rejectsKeysThatCouldEscapeOrConfuseTheStore(String value) {
    assertThat(BlobKey.isValid(value)).isFalse();
    assertThatThrownBy(() -> new BlobKey(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsOverlongKeys() {
    assertThat(BlobKey.isValid("a".repeat(513))).isFalse();
    assertThat(BlobKey.isValid("a".repeat(512))).isTrue();
  }

  @Test
  void recordingKeyIsItsIdUnderRecordings() {
    UUID id = UUID.fromString("3f2c5e8a-0000-4000-8000-000000000001");
    assertThat(BlobKey.forRecording(new RecordingId(id)).value())
        .isEqualTo("recordings/3f2c5e8a-0000-4000-8000-000000000001");
  }
}
