package dev.ser.storage.recording;

import static dev.ser.storage.testing.Fixtures.audio;
import static dev.ser.storage.testing.Fixtures.prediction;
import static dev.ser.storage.testing.Fixtures.upload;
import static dev.ser.storage.testing.TestDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.UserId;
import dev.ser.domain.account.Username;
import dev.ser.domain.emotion.ChannelPrediction;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.Recording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.RecordingNotFoundException;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.domain.recording.SampleRecording;
import dev.ser.storage.StorageUnavailableException;
import dev.ser.storage.account.Users;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.blob.LocalDiskAudioStore;
import dev.ser.storage.database.Database;
import dev.ser.storage.samples.SampleLibrary;
import dev.ser.storage.testing.TestDatabase;
import jakarta.persistence.PersistenceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingArchiveIT {
  private static final Instant NOW =
      Instant.parse("2026-03-01T12:00:00Z").truncatedTo(ChronoUnit.MICROS);

  @TempDir Path audioDirectory;

  private final Database database = TestDatabase.get();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private LocalDiskAudioStore store;
  private RecordingArchive archive;

  @BeforeEach
  void emptyDatabase() {
    TestDatabase.empty();
    store = new LocalDiskAudioStore(audioDirectory);
    archive = new RecordingArchive(database, store, clock);
  }

  private Account register(String name) {
    return database.inTransaction(
        em ->
            new Users(em)
                .register(new Username(name), new PasswordHash("pbkdf2$x"), Role.USER, NOW));
  }

  @Test
  void storedRecordingReadsBackWithItsPredictionAndAudio() {
    Account anna = register("anna");
    byte[] bytes = audio(4000, 1);
    Recording recording = upload(Optional.of(anna.id()), bytes, NOW);

    archive.store(recording, bytes, prediction());

    AnalysedRecording read =
        database.inTransaction(em -> new Recordings(em).find(recording.id())).orElseThrow();
    assertThat(read.recording()).isEqualTo(recording);
    assertThat(read.prediction().scores()).isEqualTo(prediction().scores());
    assertThat(read.prediction().emotion()).isEqualTo(Emotion.HAPPY);
    assertThat(read.prediction().timeline()).isEqualTo(prediction().timeline());
    assertThat(read.prediction().segments()).hasSize(2).isEqualTo(prediction().segments());
    assertThat(read.prediction().modelVersion()).isEqualTo("cnn-gru-test");
    try (var stored = archive.openAudio(recording.id())) {
      assertThat(stored.sizeBytes()).isEqualTo(4000);
      assertThat(stored.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(rows("recordings")).isEqualTo(1);
    assertThat(rows("predictions")).isEqualTo(1);
  }

  @Test
  void channelsAnalysedSeparatelyReadBackWithTheirSegmentsAndASpeechlessChannel() {
    byte[] bytes = audio(4000, 3);
    Recording recording = upload(Optional.empty(), bytes, NOW);
    TimelineSegment agent =
        new TimelineSegment(0.5, 2.5, new EmotionScores(new double[] {.7, .1, .05, .05, .05, .05}));
    Prediction call =
        Prediction.ofChannels(
            List.of(
                new ChannelPrediction(0, Optional.of(agent.scores()), List.of(agent), List.of()),
                ChannelPrediction.withoutSpeech(1)),
            "cnn-gru-test",
            3.0);

    archive.store(recording, bytes, call);

    Prediction read =
        database
            .inTransaction(em -> new Recordings(em).find(recording.id()))
            .orElseThrow()
            .prediction();
    assertThat(read.channels()).isEqualTo(call.channels());
    assertThat(read.channels().get(1).scores()).isEmpty();
    assertThat(read.emotion()).isEqualTo(Emotion.ANGER);
    assertThat(read.segments()).isEmpty();
  }

  @Test
  void failedRowInsertLeavesNoBlob() {
    byte[] bytes = audio(1000, 2);
    // An owner that does not exist violates the foreign key when the rows are flushed.
    Recording recording = upload(Optional.of(UserId.random()), bytes, NOW);

    assertThatThrownBy(() -> archive.store(recording, bytes, prediction()))
        .isInstanceOf(PersistenceException.class);

    assertThat(store.exists(BlobKey.forRecording(recording.id()))).isFalse();
    assertThat(store.keysOlderThan(Instant.MAX)).isEmpty();
    assertThat(rows("recordings")).isZero();
    assertThat(rows("predictions")).isZero();
  }

  @Test
  void failedBlobPutLeavesNoRows() throws Exception {
    // A plain file where the recordings directory must go: even root cannot write below it.
    Files.writeString(audioDirectory.resolve("recordings"), "in the way");
    byte[] bytes = audio(1000, 3);
    Recording recording = upload(Optional.empty(), bytes, NOW);

    assertThatThrownBy(() -> archive.store(recording, bytes, prediction()))
        .isInstanceOf(StorageUnavailableException.class);

    assertThat(rows("recordings")).isZero();
    assertThat(rows("predictions")).isZero();
  }

  @Test
  void historySearchMatchesFileNamesLiterallyAndEmotionsAndSourcesByName() {
    Account anna = register("anna");
    List<String> names = List.of("Meeting_01.wav", "call%50.wav", "clip.wav");
    for (int i = 0; i < names.size(); i++) {
      byte[] bytes = audio(100 + i, i);
      Recording recording =
          Recording.create(
              Optional.of(anna.id()),
              RecordingSource.UPLOAD,
              new AudioDescription("audio/wav", "wav", 5.0, bytes.length),
              Optional.of(names.get(i)),
              NOW.plusSeconds(i));
      archive.store(recording, bytes, prediction());
    }

    assertThat(filenames(anna, "MEETING")).containsExactly("Meeting_01.wav");
    assertThat(filenames(anna, "%"))
        .as("% is a character, not a wildcard")
        .containsExactly("call%50.wav");
    assertThat(filenames(anna, "_")).as("_ too").containsExactly("Meeting_01.wav");
    assertThat(filenames(anna, "happy")).as("the emotion").hasSize(3);
    assertThat(filenames(anna, " upload ")).as("the source").hasSize(3);
    assertThat(filenames(anna, "live")).isEmpty();
    assertThat(filenames(anna, "")).containsExactly("clip.wav", "call%50.wav", "Meeting_01.wav");
    long wavs = database.inTransaction(em -> new Recordings(em).countOf(anna.id(), ".wav"));
    long calls = database.inTransaction(em -> new Recordings(em).countOf(anna.id(), "call"));
    assertThat(wavs).isEqualTo(3);
    assertThat(calls).isEqualTo(1);
  }

  private List<String> filenames(Account owner, String search) {
    return database
        .inTransaction(em -> new Recordings(em).historyOf(owner.id(), search, 0, 10))
        .stream()
        .map(a -> a.recording().originalFilename().orElse(""))
        .toList();
  }

  @Test
  void historyIsNewestFirstAndOnlyTheOwners() {
    Account anna = register("anna");
    Account ben = register("ben");
    for (int i = 0; i < 3; i++) {
      byte[] bytes = audio(100 + i, i);
      archive.store(upload(Optional.of(anna.id()), bytes, NOW.plusSeconds(i)), bytes, prediction());
    }
    byte[] bens = audio(50, 9);
    Recording bensRecording = upload(Optional.of(ben.id()), bens, NOW);
    archive.store(bensRecording, bens, prediction());

    var history = database.inTransaction(em -> new Recordings(em).historyOf(anna.id(), 0, 10));
    assertThat(history)
        .extracting(a -> a.recording().createdAt())
        .containsExactly(NOW.plusSeconds(2), NOW.plusSeconds(1), NOW);
    var secondPage = database.inTransaction(em -> new Recordings(em).historyOf(anna.id(), 2, 2));
    assertThat(secondPage).extracting(a -> a.recording().createdAt()).containsExactly(NOW);
    long annasCount = database.inTransaction(em -> new Recordings(em).countOf(anna.id()));
    assertThat(annasCount).isEqualTo(3);
    Optional<AnalysedRecording> seenByAnna =
        database.inTransaction(em -> new Recordings(em).findOwned(bensRecording.id(), anna.id()));
    Optional<AnalysedRecording> seenByBen =
        database.inTransaction(em -> new Recordings(em).findOwned(bensRecording.id(), ben.id()));
    assertThat(seenByAnna).isEmpty();
    assertThat(seenByBen).isPresent();
  }

  @Test
  void claimGivesTheOwnerOnlyTheRecordingsAskedForThatHadNoOwner() {
    Account anna = register("anna");
    Account ben = register("ben");
    byte[] first = audio(10, 1);
    byte[] second = audio(20, 2);
    byte[] strangers = audio(30, 3);
    byte[] bens = audio(40, 4);
    Recording annasFirst = upload(Optional.empty(), first, NOW.minus(Duration.ofHours(25)));
    Recording annasSecond = upload(Optional.empty(), second, NOW);
    Recording strangersRecording = upload(Optional.empty(), strangers, NOW);
    Recording bensRecording = upload(Optional.of(ben.id()), bens, NOW);
    archive.store(annasFirst, first, prediction());
    archive.store(annasSecond, second, prediction());
    archive.store(strangersRecording, strangers, prediction());
    archive.store(bensRecording, bens, prediction());
    Set<RecordingId> asked =
        Set.of(annasFirst.id(), annasSecond.id(), bensRecording.id(), RecordingId.random());

    int claimed = database.inTransaction(em -> new Recordings(em).claim(asked, anna.id()));

    assertThat(claimed).isEqualTo(2);
    List<AnalysedRecording> annas =
        database.inTransaction(em -> new Recordings(em).historyOf(anna.id(), 0, 10));
    assertThat(annas)
        .extracting(AnalysedRecording::id)
        .containsExactlyInAnyOrder(annasFirst.id(), annasSecond.id());
    assertThat(ownerOf(strangersRecording)).as("not asked for").isEmpty();
    assertThat(ownerOf(bensRecording)).as("already owned").contains(ben.id());
    int claimedAgain = database.inTransaction(em -> new Recordings(em).claim(asked, ben.id()));
    assertThat(claimedAgain)
        .as("claimed once, the recordings are no longer anyone's to take")
        .isZero();
    int claimedNone = database.inTransaction(em -> new Recordings(em).claim(Set.of(), anna.id()));
    assertThat(claimedNone).isZero();

    var anonymousRetention =
        new Housekeeping(
            database,
            store,
            clock,
            Duration.ofMinutes(30),
            Optional.empty(),
            Optional.of(Duration.ofHours(24)));
    assertThat(anonymousRetention.run().recordingsExpired())
        .as("a claimed recording is no longer anonymous")
        .isZero();
    assertThat(store.exists(BlobKey.forRecording(annasFirst.id()))).isTrue();
  }

  private Optional<UserId> ownerOf(Recording recording) {
    return database
        .inTransaction(em -> new Recordings(em).find(recording.id()))
        .orElseThrow()
        .recording()
        .owner();
  }

  @Test
  void deletingARecordingDeletesItsPredictionAndBlob() {
    Account anna = register("anna");
    byte[] bytes = audio(300, 4);
    Recording recording = upload(Optional.of(anna.id()), bytes, NOW);
    archive.store(recording, bytes, prediction());

    archive.deleteOwned(recording.id(), anna.id());

    assertThat(rows("recordings")).isZero();
    assertThat(rows("predictions")).isZero();
    assertThat(store.exists(BlobKey.forRecording(recording.id()))).isFalse();
    assertThatThrownBy(() -> archive.openAudio(recording.id()))
        .isInstanceOf(RecordingNotFoundException.class);
  }

  @Test
  void nobodyDeletesAnotherUsersRecording() {
    Account anna = register("anna");
    Account ben = register("ben");
    byte[] bytes = audio(300, 5);
    Recording annas = upload(Optional.of(anna.id()), bytes, NOW);
    archive.store(annas, bytes, prediction());

    assertThatThrownBy(() -> archive.deleteOwned(annas.id(), ben.id()))
        .isInstanceOf(RecordingNotFoundException.class);

    assertThat(rows("recordings")).isEqualTo(1);
    assertThat(store.exists(BlobKey.forRecording(annas.id()))).isTrue();
  }

  @Test
  void deleteAllOfAUserRemovesTheirRowsAndBlobsOnly() {
    Account anna = register("anna");
    Account ben = register("ben");
    byte[] first = audio(10, 1);
    byte[] second = audio(20, 2);
    byte[] bens = audio(30, 3);
    Recording a1 = upload(Optional.of(anna.id()), first, NOW);
    Recording a2 = upload(Optional.of(anna.id()), second, NOW);
    Recording b1 = upload(Optional.of(ben.id()), bens, NOW);
    archive.store(a1, first, prediction());
    archive.store(a2, second, prediction());
    archive.store(b1, bens, prediction());

    assertThat(archive.deleteAllOf(anna.id())).isEqualTo(2);

    assertThat(store.exists(BlobKey.forRecording(a1.id()))).isFalse();
    assertThat(store.exists(BlobKey.forRecording(a2.id()))).isFalse();
    assertThat(store.exists(BlobKey.forRecording(b1.id()))).isTrue();
    assertThat(rows("recordings")).isEqualTo(1);
    assertThat(rows("predictions")).isEqualTo(1);
    assertThat(rows("users")).isEqualTo(2);
  }

  @Test
  void deletingAnAccountRemovesItsRecordingsBlobsAndTheUser() {
    Account anna = register("anna");
    byte[] bytes = audio(10, 1);
    Recording recording = upload(Optional.of(anna.id()), bytes, NOW);
    archive.store(recording, bytes, prediction());

    archive.deleteAccount(anna.id());

    assertThat(rows("users")).isZero();
    assertThat(rows("recordings")).isZero();
    assertThat(store.keysOlderThan(Instant.MAX)).isEmpty();
  }

  @Test
  void anonymousRetentionDeletesOnlyOldRecordingsWithoutAnOwner() {
    Account anna = register("anna");
    byte[] anonymousOld = audio(10, 1);
    byte[] anonymousRecent = audio(20, 2);
    byte[] ownedOld = audio(30, 3);
    Recording old = upload(Optional.empty(), anonymousOld, NOW.minus(Duration.ofHours(25)));
    Recording recent = upload(Optional.empty(), anonymousRecent, NOW.minus(Duration.ofHours(23)));
    Recording owned = upload(Optional.of(anna.id()), ownedOld, NOW.minus(Duration.ofDays(3)));
    archive.store(old, anonymousOld, prediction());
    archive.store(recent, anonymousRecent, prediction());
    archive.store(owned, ownedOld, prediction());

    var housekeeping =
        new Housekeeping(
            database,
            store,
            clock,
            Duration.ofMinutes(30),
            Optional.empty(),
            Optional.of(Duration.ofHours(24)));

    assertThat(housekeeping.run().recordingsExpired()).isEqualTo(1);
    assertThat(store.exists(BlobKey.forRecording(old.id()))).isFalse();
    assertThat(store.exists(BlobKey.forRecording(recent.id()))).isTrue();
    assertThat(store.exists(BlobKey.forRecording(owned.id()))).isTrue();
    assertThat(rows("recordings")).isEqualTo(2);
    assertThat(rows("predictions")).isEqualTo(2);
  }

  @Test
  void retentionDeletesOnlyRecordingsOlderThanTheAge() {
    byte[] oldBytes = audio(10, 1);
    byte[] recentBytes = audio(20, 2);
    Recording oldRecording = upload(Optional.empty(), oldBytes, NOW.minus(Duration.ofDays(31)));
    Recording recentRecording =
        upload(Optional.empty(), recentBytes, NOW.minus(Duration.ofDays(29)));
    archive.store(oldRecording, oldBytes, prediction());
    archive.store(recentRecording, recentBytes, prediction());

    assertThat(archive.deleteOlderThan(Duration.ofDays(30))).isEqualTo(1);

    assertThat(store.exists(BlobKey.forRecording(oldRecording.id()))).isFalse();
    assertThat(store.exists(BlobKey.forRecording(recentRecording.id()))).isTrue();
    Optional<AnalysedRecording> old =
        database.inTransaction(em -> new Recordings(em).find(oldRecording.id()));
    Optional<AnalysedRecording> recent =
        database.inTransaction(em -> new Recordings(em).find(recentRecording.id()));
    assertThat(old).isEmpty();
    assertThat(recent).isPresent();
    assertThat(rows("predictions")).isEqualTo(1);
  }

  @Test
  void sweeperDeletesOldUnreferencedBlobsAndKeepsTheRest() {
    byte[] bytes = audio(10, 1);
    Recording kept = upload(Optional.empty(), bytes, NOW);
    archive.store(kept, bytes, prediction());
    BlobKey orphan = new BlobKey("recordings/crashed-before-commit");
    store.put(orphan, audio(10, 2), "audio/wav");
    Clock hourLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));

    assertThat(new OrphanSweeper(database, store, Clock.systemUTC()).sweep(Duration.ofMinutes(30)))
        .as("a fresh orphan may still get its rows")
        .isZero();
    assertThat(new OrphanSweeper(database, store, hourLater).sweep(Duration.ofMinutes(30)))
        .isEqualTo(1);

    assertThat(store.exists(orphan)).isFalse();
    assertThat(store.exists(BlobKey.forRecording(kept.id()))).isTrue();
  }

  @Test
  void sampleRecordingSharesTheSampleBlobUntilTheLastUserIsGone() {
    var library = new SampleLibrary(database, store, clock);
    byte[] bytes = audio(64, 7);
    SampleRecording sample =
        library.add(
            "Happy birthday",
            Emotion.HAPPY,
            true,
            bytes,
            new AudioDescription("audio/wav", "wav", 2.0, bytes.length));
    Recording fromSample =
        Recording.create(
            Optional.empty(), RecordingSource.SAMPLE, sample.audio(), Optional.empty(), NOW);

    archive.storeFromSample(fromSample, sample.id(), prediction());

    assertThat(library.all()).singleElement().extracting(SampleRecording::usageCount).isEqualTo(1L);
    try (var stored = archive.openAudio(fromSample.id())) {
      assertThat(stored.readAllBytes()).isEqualTo(bytes);
    }
    BlobKey sampleBlob = BlobKey.forSample(sample.id());
    archive.delete(fromSample.id());
    assertThat(store.exists(sampleBlob)).as("the sample still uses it").isTrue();

    archive.storeFromSample(
        Recording.create(
            Optional.empty(), RecordingSource.SAMPLE, sample.audio(), Optional.empty(), NOW),
        sample.id(),
        prediction());
    library.delete(sample.id());
    assertThat(store.exists(sampleBlob)).as("a recording still plays it").isTrue();
    assertThat(archive.deleteOlderThan(Duration.ofSeconds(1))).isZero();
    archive.deleteAllOf(UserId.random());
    assertThat(
            new OrphanSweeper(database, store, Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
                .sweep(Duration.ofMinutes(30)))
        .as("still referenced by the recording")
        .isZero();
  }

  @Test
  void unpublishedSampleCannotBePicked() {
    var library = new SampleLibrary(database, store, clock);
    byte[] bytes = audio(64, 8);
    SampleRecording hidden =
        library.add(
            "Draft",
            Emotion.SAD,
            false,
            bytes,
            new AudioDescription("audio/wav", "wav", 2.0, bytes.length));
    Recording pick =
        Recording.create(
            Optional.empty(), RecordingSource.SAMPLE, hidden.audio(), Optional.empty(), NOW);

    assertThatThrownBy(() -> archive.storeFromSample(pick, hidden.id(), prediction()))
        .hasFieldOrPropertyWithValue("code", "not_found");
    assertThat(rows("recordings")).isZero();
  }

  @Test
  void consistencyCheckFindsMissingAndUnreferencedBlobs() {
    byte[] first = audio(10, 1);
    byte[] second = audio(20, 2);
    Recording kept = upload(Optional.empty(), first, NOW);
    Recording damaged = upload(Optional.empty(), second, NOW);
    archive.store(kept, first, prediction());
    archive.store(damaged, second, prediction());
    var check = new ConsistencyCheck(database, store);
    assertThat(check.run().isConsistent()).isTrue();

    store.delete(BlobKey.forRecording(damaged.id()));
    BlobKey stray = new BlobKey("recordings/stray");
    store.put(stray, audio(5, 3), "audio/wav");
    Consistency found = check.run();

    assertThat(found.isConsistent()).isFalse();
    assertThat(found.recordings()).isEqualTo(2);
    assertThat(found.predictions()).isEqualTo(2);
    assertThat(found.recordingsWithoutPrediction()).isZero();
    assertThat(found.missingBlobs()).containsExactly(BlobKey.forRecording(damaged.id()));
    assertThat(found.unreferencedBlobs()).containsExactly(stray);
  }

  @Test
  void housekeepingSweepsOrphansAndAppliesRetentionOnlyWhenConfigured() {
    byte[] oldBytes = audio(10, 1);
    Recording old = upload(Optional.empty(), oldBytes, NOW.minus(Duration.ofDays(40)));
    archive.store(old, oldBytes, prediction());
    BlobKey orphan = new BlobKey("recordings/orphan");
    store.put(orphan, audio(10, 2), "audio/wav");
    Clock later = Clock.offset(Clock.fixed(Instant.now(), ZoneOffset.UTC), Duration.ofHours(1));

    var keepForever =
        new Housekeeping(database, store, later, Duration.ofMinutes(30), Optional.empty());
    assertThat(keepForever.run()).isEqualTo(new Housekeeping.Result(1, 0));
    assertThat(rows("recordings")).isEqualTo(1);

    var thirtyDays =
        new Housekeeping(
            database, store, clock, Duration.ofMinutes(30), Optional.of(Duration.ofDays(30)));
    assertThat(thirtyDays.run()).isEqualTo(new Housekeeping.Result(0, 1));
    assertThat(rows("recordings")).isZero();
    assertThat(store.keysOlderThan(Instant.MAX)).isEmpty();
  }
}
