package dev.ser.storage.blob;

import dev.ser.domain.job.JobId;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.SampleId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of one stored audio object, such as {@code recordings/3f2c...}. It is a path below the
 * store's root on local disk and a blob name in Azure, so it is validated strictly: 1 to 8 segments
 * separated by single slashes, each starting with a letter or digit and made of {@code A-Z a-z 0-9
 * . _ -}. That rules out {@code ..}, absolute paths, backslashes and hidden files (which the local
 * store uses for its temporary files).
 *
 * @param value the key text
 */
public record BlobKey(String value) {
  public static final int MAX_LENGTH = 512;
  private static final Pattern FORMAT =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*){0,7}");

  public BlobKey {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a valid blob key: '" + value + "'");
    }
  }

  /** Whether the text is a valid key; used when listing a store that may hold foreign files. */
  public static boolean isValid(String value) {
    return value != null && value.length() <= MAX_LENGTH && FORMAT.matcher(value).matches();
  }

  /** Where the audio of an uploaded or browser-recorded clip lives. */
  public static BlobKey forRecording(RecordingId id) {
    return new BlobKey("recordings/" + id.value());
  }

  /** Where a library sample's audio lives; recordings made from a sample share this key. */
  public static BlobKey forSample(SampleId id) {
    return new BlobKey("samples/" + id.value());
  }

  /** Where file {@code index} of a job waits until a worker analyses it. */
  public static BlobKey forJobFile(JobId job, int index) {
    return new BlobKey("jobs/" + job.value() + "/" + index);
  }

  @Override
  public String toString() {
    return value;
  }
}
