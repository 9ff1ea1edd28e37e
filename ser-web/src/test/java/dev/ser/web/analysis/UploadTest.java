package dev.ser.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import dev.ser.domain.recording.RecordingSource;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadTest {
  @Test
  void readsAStreamUpToTheLimit() {
    assertThat(Upload.readLimited(new ByteArrayInputStream(new byte[100]), 100)).hasSize(100);
  }

  @Test
  void refusesAStreamOverTheLimitWithTooLarge() {
    assertThatThrownBy(() -> Upload.readLimited(new ByteArrayInputStream(new byte[101]), 100))
        .isInstanceOf(SerException.class)
        .extracting(e -> ((SerException) e).code())
        .isEqualTo("upload_too_large");
  }

  @Test
  void declaredTypeIsKeptBareAndLowerCase() {
    Upload upload =
        new Upload(
            new byte[1],
            Optional.of("Audio/WAV; codecs=1"),
            Optional.empty(),
            RecordingSource.UPLOAD);

    assertThat(upload.declaredType()).contains("audio/wav");
  }

  @Test
  void samplesAreNotUploads() {
    assertThatThrownBy(
            () ->
                new Upload(new byte[1], Optional.empty(), Optional.empty(), RecordingSource.SAMPLE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void audioAndGenericTypesMayBeAudioButTextMayNot() {
    assertThat(MediaTypes.mayBeAudio(Optional.of("audio/mpeg"))).isTrue();
    assertThat(MediaTypes.mayBeAudio(Optional.of("video/webm"))).isTrue();
    assertThat(MediaTypes.mayBeAudio(Optional.of("application/octet-stream"))).isTrue();
    assertThat(MediaTypes.mayBeAudio(Optional.empty())).isTrue();
    assertThat(MediaTypes.mayBeAudio(Optional.of("text/plain"))).isFalse();
    assertThat(MediaTypes.mayBeAudio(Optional.of("application/json"))).isFalse();
  }

  @Test
  void storedTypeComesFromTheDecodedFormatNotTheClaim() {
    assertThat(MediaTypes.forStorage("mp3", Optional.of("audio/wav"))).isEqualTo("audio/mpeg");
    assertThat(MediaTypes.forStorage("matroska,webm", Optional.empty())).isEqualTo("audio/webm");
    assertThat(MediaTypes.forStorage("exotic", Optional.of("text/html")))
        .isEqualTo("application/octet-stream");
  }
}
