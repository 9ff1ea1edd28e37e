package dev.ser.audio.decode.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutation harness: mutant {@code i} of a run is a seed file of format {@code i mod n}
 * damaged by one {@link Mutation}, and depends only on the run's seed and {@code i}, so any mutant
 * is recreated from those two numbers and runs are repeatable. The seed files are the valid speech
 * clips of {@link SeedFormat}.
 *
 * <p>Immutable and thread-safe: each mutant has its own {@link Random}.
 */
public final class Mutator {
  private static final int HEADER_BYTES = 512;
  private static final Mutation[] SINGLE = {
    Mutation.BIT_FLIPS,
    Mutation.BYTE_RUNS,
    Mutation.TRUNCATION,
    Mutation.HEADER_SMASH,
    Mutation.SIZE_LIE,
    Mutation.SPLICE
  };

  private final long runSeed;
  private final List<SeedFormat> formats;

  /**
   * @param runSeed the run's seed
   * @param formats the seeds to take in turn; not empty
   */
  public Mutator(long runSeed, List<SeedFormat> formats) {
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("at least one seed format is needed");
    }
    this.runSeed = runSeed;
    this.formats = List.copyOf(formats);
  }

  /** A mutator over every seed format. */
  public Mutator(long runSeed) {
    this(runSeed, List.of(SeedFormat.values()));
  }

  public List<SeedFormat> formats() {
    return formats;
  }

  /** Mutant {@code index} of this run. */
  public Mutant mutant(int index) {
    SeedFormat format = formats.get(index % formats.size());
    Random random = new Random(runSeed * 0x9E3779B97F4A7C15L + index);
    Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
    return new Mutant(index, format, mutation, apply(mutation, format.bytes(), format, random));
  }

  /**
   * {@code file} (a copy of a {@code format} seed, changed in place or replaced) after one pass.
   */
  static byte[] apply(Mutation mutation, byte[] file, SeedFormat format, Random random) {
    if (file.length < 2) {
      return file;
    }
    return switch (mutation) {
      case BIT_FLIPS -> bitFlips(file, random);
      case BYTE_RUNS -> byteRun(file, random);
      case TRUNCATION -> Arrays.copyOf(file, 1 + random.nextInt(file.length - 1));
      case HEADER_SMASH -> headerSmash(file, random);
      case SIZE_LIE -> sizeLie(file, format, random);
      case SPLICE -> splice(file, random);
      case STACKED -> {
        byte[] result = file;
        for (int passes = 2 + random.nextInt(2); passes > 0; passes--) {
          result = apply(SINGLE[random.nextInt(SINGLE.length)], result, format, random);
        }
        yield result;
      }
    };
  }

  private static byte[] bitFlips(byte[] file, Random random) {
    for (int flips = 1 + random.nextInt(32); flips > 0; flips--) {
      file[random.nextInt(file.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return file;
  }

  private static byte[] byteRun(byte[] file, Random random) {
    int length = Math.min(file.length, 1 + random.nextInt(512));
    int at = random.nextInt(file.length - length + 1);
    int style = random.nextInt(4);
    byte fill = style == 0 ? 0 : style == 1 ? (byte) 0xFF : (byte) random.nextInt(256);
    for (int i = at; i < at + length; i++) {
      file[i] = style == 3 ? (byte) random.nextInt(256) : fill;
    }
    return file;
  }

  private static byte[] headerSmash(byte[] file, Random random) {
    int header = Math.min(HEADER_BYTES, file.length);
    long[] edges = {0, 1, 0x7F, 0x80, 0xFF, 0xFFFF, 0x7FFF_FFFFL, 0xFFFF_FFFFL, 0x8000_0000L};
    for (int fields = 1 + random.nextInt(6); fields > 0; fields--) {
      int width = 1 << random.nextInt(3);
      int at = random.nextInt(Math.max(1, header - width + 1));
      long value = edges[random.nextInt(edges.length)];
      boolean bigEndian = random.nextBoolean();
      for (int i = 0; i < width && at + i < file.length; i++) {
        int shift = 8 * (bigEndian ? width - 1 - i : i);
        file[at + i] = (byte) (value >>> shift);
      }
    }
    return file;
  }

  private static byte[] sizeLie(byte[] file, SeedFormat format, Random random) {
    List<SizeFields.Field> fields = SizeFields.of(file, format);
    if (fields.isEmpty()) {
      return headerSmash(file, random);
    }
    for (int lies = 1 + random.nextInt(3); lies > 0; lies--) {
      SizeFields.lie(file, fields.get(random.nextInt(fields.size())), random);
    }
    return file;
  }

  /**
   * Pastes a slice of another seed over the file or into it, or repeats a slice of the file itself
   * (a frame sequence played twice, a box or chunk that appears again).
   */
  private static byte[] splice(byte[] file, Random random) {
    byte[] donor =
        random.nextBoolean()
            ? file
            : SeedFormat.values()[random.nextInt(SeedFormat.values().length)].bytes();
    int length = 1 + random.nextInt(Math.min(donor.length, 16_384));
    int from = random.nextInt(donor.length - length + 1);
    byte[] slice = Arrays.copyOfRange(donor, from, from + length);
    int at = random.nextInt(file.length);
    if (random.nextBoolean()) {
      System.arraycopy(slice, 0, file, at, Math.min(slice.length, file.length - at));
      return file;
    }
    byte[] longer = new byte[file.length + slice.length];
    System.arraycopy(file, 0, longer, 0, at);
    System.arraycopy(slice, 0, longer, at, slice.length);
    System.arraycopy(file, at, longer, at + slice.length, file.length - at);
    return longer;
  }
}
