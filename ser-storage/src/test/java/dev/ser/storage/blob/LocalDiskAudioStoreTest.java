package dev.ser.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.storage.StorageUnavailableException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskAudioStoreTest extends AudioStoreContract {
  @TempDir Path root;
  private LocalDiskAudioStore store;

  @BeforeEach
  void open() {
    store = new LocalDiskAudioStore(root.resolve("audio"));
  }

  @Override
  AudioStore store() {
    return store;
  }

  @Test
  void abandonedWriteIsDeletedOnlyOnceOlderThanTheCutoff() throws Exception {
    Path recordings = Files.createDirectories(root.resolve("audio/recordings"));
    Path old = Files.write(recordings.resolve(".tmp-killed-mid-write"), new byte[] {1, 2});
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
    Path current = Files.write(recordings.resolve(".tmp-still-writing"), new byte[] {3});
    store.put(new BlobKey("recordings/kept"), new byte[] {4}, "audio/wav");
    Files.setLastModifiedTime(
        recordings.resolve("kept"), FileTime.from(Instant.now().minusSeconds(7200)));

    int deleted = store.deleteAbandonedWrites(Instant.now().minusSeconds(3600));

    assertThat(deleted).isEqualTo(1);
    assertThat(old).doesNotExist();
    assertThat(current).exists();
    assertThat(recordings.resolve("kept")).exists();
  }

  @Test
  void keyIsAFileBelowTheDirectory() {
    store.put(new BlobKey("recordings/x1"), new byte[] {1, 2, 3}, "audio/wav");
    assertThat(root.resolve("audio/recordings/x1")).hasBinaryContent(new byte[] {1, 2, 3});
  }

  @Test
  void symbolicLinkOutOfTheDirectoryIsNotFollowed() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.write(outside.resolve("secret"), new byte[] {42});
    Files.createSymbolicLink(root.resolve("audio/recordings"), outside);

    assertThat(store.open(new BlobKey("recordings/secret"))).isEmpty();
    assertThat(store.exists(new BlobKey("recordings/secret"))).isFalse();
    assertThatThrownBy(() -> store.put(new BlobKey("recordings/planted"), new byte[] {1}, "x/y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escapes");
    assertThat(outside.resolve("planted")).doesNotExist();
  }

  @Test
  void shortStreamIsRejectedAndLeavesNothingBehind() {
    BlobKey key = new BlobKey("recordings/short");

    assertThatThrownBy(
            () -> store.put(key, new ByteArrayInputStream(new byte[10]), 11, "audio/wav"))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.exists(key)).isFalse();
    assertThat(root.resolve("audio/recordings")).isEmptyDirectory();
  }

  @Test
  void unwritableDirectoryIsStorageUnavailable() throws Exception {
    Files.writeString(root.resolve("audio/samples"), "a file where a directory must go");

    assertThatThrownBy(() -> store.put(new BlobKey("samples/s1"), new byte[] {1}, "audio/wav"))
        .isInstanceOf(StorageUnavailableException.class)
        .extracting(e -> ((StorageUnavailableException) e).code())
        .isEqualTo("blob_store_unavailable");
  }

  @Test
  void listingIgnoresFilesThatAreNotKeys() throws Exception {
    Files.createDirectories(root.resolve("audio/recordings"));
    Files.write(root.resolve("audio/recordings/.tmp-123"), new byte[] {1});
    Files.write(root.resolve("audio/recordings/has space"), new byte[] {1});
    store.put(new BlobKey("recordings/real"), new byte[] {1}, "audio/wav");

    assertThat(store.keysOlderThan(Instant.MAX)).containsExactly(new BlobKey("recordings/real"));
  }
}
