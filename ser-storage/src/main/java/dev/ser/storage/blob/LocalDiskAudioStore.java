package dev.ser.storage.blob;

import dev.ser.storage.StorageUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Audio as files under one directory: the key {@code recordings/abc} is the file {@code
 * <directory>/recordings/abc}. Writes go to a hidden temporary file that is flushed to disk and
 * then renamed into place, so a crash never leaves a half-written object under a real key. Keys are
 * validated by {@link BlobKey} and every resolved path is checked again to stay inside the
 * directory, symbolic links included.
 *
 * <p>The content type is not kept: the database row that points at the object records it.
 */
public final class LocalDiskAudioStore implements AudioStore {
  private static final String TEMPORARY_PREFIX = ".tmp-";

  private final Path root;

  public LocalDiskAudioStore(Path directory) {
    try {
      Files.createDirectories(directory);
      this.root = directory.toRealPath();
    } catch (IOException e) {
      throw unavailable("cannot create audio directory " + directory, e);
    }
  }

  public Path directory() {
    return root;
  }

  @Override
  public void put(BlobKey key, byte[] bytes, String contentType) {
    put(key, new ByteArrayInputStream(bytes), bytes.length, contentType);
  }

  @Override
  public void put(BlobKey key, InputStream content, long length, String contentType) {
    Path target = pathOf(key);
    Path temporary = null;
    try {
      Files.createDirectories(target.getParent());
      checkInside(target.getParent().toRealPath());
      temporary = target.resolveSibling(TEMPORARY_PREFIX + UUID.randomUUID());
      long written;
      try (FileChannel channel =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(channel);
        written = content.transferTo(out);
        channel.force(true);
      }
      if (written != length) {
        throw new IllegalArgumentException(
            "expected " + length + " bytes for " + key + " but the stream had " + written);
      }
      moveIntoPlace(temporary, target);
      temporary = null;
      // The rename is durable only once the directory entry is on disk too.
      try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
        directory.force(true);
      }
    } catch (IOException e) {
      throw unavailable("cannot write " + key, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // deleteAbandonedWrites removes it once it is older than the sweeper's grace.
        }
      }
    }
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public Optional<StoredAudio> open(BlobKey key) {
    Path path = pathOf(key);
    try {
      // A file reached through a symbolic link out of the directory does not exist for us.
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
          || !path.toRealPath().startsWith(root)) {
        return Optional.empty();
      }
      long size = Files.size(path);
      return Optional.of(new StoredAudio(Files.newInputStream(path), size));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("cannot read " + key, e);
    }
  }

  @Override
  public boolean delete(BlobKey key) {
    try {
      return Files.deleteIfExists(pathOf(key));
    } catch (IOException e) {
      throw unavailable("cannot delete " + key, e);
    }
  }

  @Override
  public boolean exists(BlobKey key) {
    Path path = pathOf(key);
    try {
      return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
          && path.toRealPath().startsWith(root);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public List<BlobKey> keysOlderThan(Instant cutoff) {
    return filesOlderThan(cutoff, path -> BlobKey.isValid(relative(path)), "list").stream()
        .map(path -> new BlobKey(relative(path)))
        .toList();
  }

  /**
   * Deletes the hidden temporary files ({@code .tmp-<uuid>}) of writes that never reached their
   * rename: a process killed mid-write leaves one, with part of the bytes.
   */
  @Override
  public int deleteAbandonedWrites(Instant cutoff) {
    List<Path> abandoned =
        filesOlderThan(
            cutoff, path -> path.getFileName().toString().startsWith(TEMPORARY_PREFIX), "clean up");
    try {
      int deleted = 0;
      for (Path path : abandoned) {
        if (Files.deleteIfExists(path)) {
          deleted++;
        }
      }
      return deleted;
    } catch (IOException e) {
      throw unavailable("cannot clean up " + root, e);
    }
  }

  /**
   * The regular files under the root that {@code which} accepts and that were last modified before
   * the cutoff; links are not followed, and files that vanish during the walk are left out.
   *
   * @param doing what the caller does, for the error message
   */
  private List<Path> filesOlderThan(Instant cutoff, Predicate<Path> which, String doing) {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(which)
          .forEach(
              path -> {
                try {
                  BasicFileAttributes attributes =
                      Files.readAttributes(
                          path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                  if (attributes.isRegularFile()
                      && attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
                    found.add(path);
                  }
                } catch (IOException vanished) {
                  // Deleted, or renamed into place, while we walked.
                }
              });
    } catch (IOException | UncheckedIOException e) {
      throw unavailable("cannot " + doing + " " + root, e);
    }
    return found;
  }

  private String relative(Path path) {
    return root.relativize(path).toString();
  }

  @Override
  public boolean isAvailable() {
    return Files.isDirectory(root) && Files.isWritable(root);
  }

  @Override
  public String describe() {
    return "local disk " + root;
  }

  private Path pathOf(BlobKey key) {
    Path path = root.resolve(key.value()).normalize();
    checkInside(path);
    return path;
  }

  private void checkInside(Path path) {
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("blob key escapes the audio directory: " + path);
    }
  }

  private static StorageUnavailableException unavailable(String message, Exception cause) {
    return new StorageUnavailableException(
        "blob_store_unavailable", message + ": " + cause.getMessage(), cause);
  }
}
