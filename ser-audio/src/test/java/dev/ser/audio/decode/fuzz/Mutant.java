package dev.ser.audio.decode.fuzz;

/**
 * One damaged file.
 *
 * @param index its place in the run; with the run's seed it recreates the same bytes
 * @param format the seed it was made from
 * @param mutation how it was damaged
 * @param bytes the file
 */
public record Mutant(int index, SeedFormat format, Mutation mutation, byte[] bytes) {
  public Mutant {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative: " + index);
    }
    if (format == null || mutation == null || bytes == null) {
      throw new IllegalArgumentException("format, mutation and bytes are required");
    }
  }

  /** {@code 000123-mp3-size_lie.mp3}: sorts by index, says what it is. */
  public String fileName() {
    return String.format(
        "%06d-%s-%s.%s",
        index,
        format.extension(),
        mutation.name().toLowerCase(java.util.Locale.ROOT),
        format.extension());
  }
}
