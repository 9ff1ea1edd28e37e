package dev.ser.domain.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.recording.RecordingId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  private final Job job =
      Job.queued(
          JobId.random(),
          Optional.empty(),
          "address:10.0.0.1",
          "mixed",
          List.of(
              JobFile.waiting("a.wav", "audio/wav", "jobs/x/0"),
              JobFile.waiting("b.wav", "audio/wav", "jobs/x/1")),
          Optional.empty(),
          NOW);

  @Test
  void progressCountsProcessedFilesAndEachStartIsAnAttempt() {
    Job running = job.started(NOW).started(NOW);
    Job half =
        running.withFile(0, running.files().get(0).refused("no_speech", "No speech found."), NOW);

    assertThat(job.progress()).isZero();
    assertThat(running.attempts()).isEqualTo(2);
    assertThat(running.state()).isEqualTo(JobState.RUNNING);
    assertThat(half.progress()).isEqualTo(0.5);
    assertThat(half.files().get(0).blobKey()).isEmpty();
    assertThat(half.files().get(1).blobKey()).contains("jobs/x/1");
  }

  @Test
  void aJobWithOneAnalysedFileIsDoneAndOneWithNoneFailsWithTheFirstError() {
    Job started = job.started(NOW);
    Job oneGood =
        started
            .withFile(0, started.files().get(0).refused("no_speech", "No speech found."), NOW)
            .withFile(
                1, started.files().get(1).analysed(RecordingId.random(), Emotion.HAPPY, .8), NOW);
    Job noneGood =
        started
            .withFile(0, started.files().get(0).refused("no_speech", "No speech found."), NOW)
            .withFile(1, started.files().get(1).refused("audio_corrupt", "Damaged."), NOW);

    assertThat(oneGood.finished(NOW).state()).isEqualTo(JobState.DONE);
    assertThat(oneGood.finished(NOW).errorCode()).isEmpty();
    Job failed = noneGood.finished(NOW);
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.errorCode()).contains("no_speech");
    assertThat(failed.errorMessage().orElseThrow()).contains("No speech found.");
    assertThat(failed.state().isFinished()).isTrue();
    assertThat(failed.progress()).isEqualTo(1.0);
  }
}
