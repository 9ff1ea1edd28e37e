package dev.ser.storage.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.Username;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.job.Job;
import dev.ser.domain.job.JobFile;
import dev.ser.domain.job.JobId;
import dev.ser.domain.job.JobState;
import dev.ser.domain.recording.RecordingId;
import dev.ser.storage.account.Users;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.database.BlobReferences;
import dev.ser.storage.database.Database;
import dev.ser.storage.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code jobs} table on real PostgreSQL. */
class JobsIT {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  private final Database database = TestDatabase.get();

  @BeforeEach
  void emptyDatabase() {
    TestDatabase.empty();
  }

  @Test
  void aJobReadsBackAsWrittenAndItsFilesResultsAsTheyCome() {
    Account anna = register("anna");
    JobId id = JobId.random();
    BlobKey first = BlobKey.forJobFile(id, 0);
    Job job =
        Job.queued(
            id,
            Optional.of(anna.id()),
            "account:" + anna.id().value(),
            "separate",
            List.of(
                JobFile.waiting("a.wav", "audio/wav", first.value()),
                JobFile.waiting("b.mp3", "audio/mpeg", BlobKey.forJobFile(id, 1).value())),
            Optional.of("https://hooks.example.com/done"),
            NOW);
    database.execute(em -> new Jobs(em).add(job));

    assertThat(find(id)).contains(job);
    assertThat(referenced(first)).as("a waiting file's audio is not an orphan").isTrue();

    RecordingId recording = RecordingId.random();
    Job progressed =
        job.started(NOW.plusSeconds(1))
            .withFile(
                0, job.files().get(0).analysed(recording, Emotion.SAD, 0.61), NOW.plusSeconds(2));
    database.execute(em -> new Jobs(em).save(progressed));

    Job read =
        database.<Optional<Job>>inTransaction(em -> new Jobs(em).findForUpdate(id)).orElseThrow();
    assertThat(read).isEqualTo(progressed);
    assertThat(read.state()).isEqualTo(JobState.RUNNING);
    assertThat(read.attempts()).isEqualTo(1);
    assertThat(read.progress()).isEqualTo(0.5);
    assertThat(read.files().get(0).recording()).contains(recording);
    assertThat(read.files().get(0).blobKey()).isEmpty();
    assertThat(referenced(first)).as("an analysed file's job audio is no longer needed").isFalse();
  }

  @Test
  void unfinishedJobsAreCountedPerClientAndListedPerOwner() {
    Account anna = register("anna");
    String annas = "account:" + anna.id().value();
    Job queued = job(Optional.of(anna.id()), annas, NOW);
    Job running = job(Optional.of(anna.id()), annas, NOW.plusSeconds(1)).started(NOW);
    Job done = job(Optional.of(anna.id()), annas, NOW.plusSeconds(2)).finished(NOW);
    Job anonymous = job(Optional.empty(), "address:10.0.0.1", NOW);
    database.execute(em -> List.of(queued, running, done, anonymous).forEach(new Jobs(em)::add));

    assertThat(unfinished(annas)).isEqualTo(2);
    assertThat(unfinished("address:10.0.0.1")).isEqualTo(1);
    List<Job> listed = database.inTransaction(em -> new Jobs(em).unfinishedOf(anna.id()));
    assertThat(listed).extracting(Job::id).containsExactly(running.id(), queued.id());
  }

  private static Job job(Optional<dev.ser.domain.account.UserId> owner, String client, Instant at) {
    JobId id = JobId.random();
    return Job.queued(
        id,
        owner,
        client,
        "mixed",
        List.of(JobFile.waiting("x.wav", "audio/wav", BlobKey.forJobFile(id, 0).value())),
        Optional.empty(),
        at.truncatedTo(ChronoUnit.MICROS));
  }

  private Optional<Job> find(JobId id) {
    return database.inTransaction(em -> new Jobs(em).find(id));
  }

  private boolean referenced(BlobKey key) {
    return database.inTransaction(em -> new BlobReferences(em).isReferenced(key));
  }

  private long unfinished(String client) {
    return database.inTransaction(em -> new Jobs(em).unfinishedCount(client));
  }

  private Account register(String name) {
    return database.inTransaction(
        em ->
            new Users(em)
                .register(new Username(name), new PasswordHash("pbkdf2$x"), Role.USER, NOW));
  }
}
