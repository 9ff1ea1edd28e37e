package dev.ser.audio.decode.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where a container keeps its own lengths and counts, and how to make one lie. A decoder trusts
 * these fields to know how far to read, so they are where damage hurts most: a RIFF chunk's size,
 * an MP4 box's size and its sample-table counts, an EBML element's size, the ID3 tag's size and an
 * MP3 frame's bitrate (which sets the frame's length), Ogg's segment table, FLAC's metadata block
 * lengths.
 */
final class SizeFields {

  /** How a field is written. */
  enum Kind {
    LITTLE_ENDIAN,
    BIG_ENDIAN,
    /** EBML variable-length integer: the leading zeros of the first byte give its width. */
    EBML_VINT,
    /** ID3v2's 4 bytes of 7 bits each. */
    SYNCHSAFE,
    /** The bitrate index, the high nibble of an MP3 frame header's third byte. */
    MP3_BITRATE,
    /** One byte: an Ogg page's segment count or one of its lacing values. */
    BYTE
  }

  /** A field at {@code offset}, {@code width} bytes long. */
  record Field(int offset, int width, Kind kind) {}

  private static final int MAX_FIELDS = 4096;

  private static final String[] MP4_BOXES = {
    "ftyp", "free", "mdat", "moov", "mvhd", "trak", "tkhd", "edts", "elst", "mdia", "mdhd", "hdlr",
    "minf", "smhd", "dinf", "dref", "stbl", "stsd", "mp4a", "esds", "stts", "stsc", "stsz", "stco",
    "co64", "udta", "meta", "ilst", "sgpd", "sbgp"
  };

  /** Sample tables whose entry count follows version and flags. */
  private static final List<String> MP4_COUNTED = List.of("stts", "stsc", "stco", "co64", "stsd");

  private static final int[] EBML_IDS = {
    0x1A45DFA3, 0x18538067, 0x1549A966, 0x1654AE6B, 0x1F43B675, 0x1C53BB6B, 0x114D9B74, 0x1254C367
  };

  private SizeFields() {}

  /** The length fields of {@code file} read as {@code format}; empty if none are found. */
  static List<Field> of(byte[] file, SeedFormat format) {
    List<Field> fields = new ArrayList<>();
    switch (format) {
      case WAV -> riff(file, fields);
      case M4A -> mp4(file, fields);
      case WEBM -> ebml(file, fields);
      case MP3 -> mp3(file, fields);
      case OGG -> ogg(file, fields);
      case FLAC -> flac(file, fields);
    }
    return fields;
  }

  /** Writes a lie into {@code field}: 0, one off, far past the end, or all ones. */
  static void lie(byte[] file, Field field, Random random) {
    if (field.offset() + field.width() > file.length) {
      return;
    }
    switch (field.kind()) {
      case LITTLE_ENDIAN, BIG_ENDIAN -> {
        long truth = readInt(file, field);
        long allOnes = field.width() >= 8 ? -1L : (1L << (8 * field.width())) - 1;
        long[] lies = {
          0, 1, truth - 1, truth + 1, truth * 2 + 4096, file.length * 8L, allOnes, allOnes >>> 1
        };
        writeInt(file, field, lies[random.nextInt(lies.length)] & allOnes);
      }
      case EBML_VINT -> {
        int bits = 7 * field.width();
        long allOnes = (1L << bits) - 1;
        long truth = 0;
        for (int i = 0; i < field.width(); i++) {
          truth = truth << 8 | (file[field.offset() + i] & 0xFF);
        }
        truth &= allOnes;
        long[] lies = {0, 1, truth - 1, truth + 1, truth * 16 + 4096, allOnes, allOnes - 1};
        long value = lies[random.nextInt(lies.length)] & allOnes;
        value |= 1L << bits;
        for (int i = field.width() - 1; i >= 0; i--) {
          file[field.offset() + i] = (byte) value;
          value >>>= 8;
        }
      }
      case SYNCHSAFE -> {
        int[] lies = {0, 1, 0x7F, 0x7F7F7F7F, random.nextInt(1 << 28)};
        int value = lies[random.nextInt(lies.length)];
        for (int i = 0; i < 4; i++) {
          file[field.offset() + i] = (byte) (value >>> (8 * (3 - i)) & 0x7F);
        }
      }
      case MP3_BITRATE ->
          file[field.offset()] = (byte) (random.nextInt(16) << 4 | file[field.offset()] & 0x0F);
      case BYTE -> {
        int[] lies = {0, 1, 0xFE, 0xFF, random.nextInt(256)};
        file[field.offset()] = (byte) lies[random.nextInt(lies.length)];
      }
    }
  }

  private static void riff(byte[] file, List<Field> fields) {
    if (!startsWith(file, 0, "RIFF")) {
      return;
    }
    fields.add(new Field(4, 4, Kind.LITTLE_ENDIAN));
    long at = 12;
    while (at + 8 <= file.length && fields.size() < MAX_FIELDS) {
      Field size = new Field((int) at + 4, 4, Kind.LITTLE_ENDIAN);
      fields.add(size);
      long length = readInt(file, size);
      at += 8 + length + (length & 1);
    }
  }

  private static void mp4(byte[] file, List<Field> fields) {
    for (int at = 4; at + 4 <= file.length && fields.size() < MAX_FIELDS; at++) {
      for (String box : MP4_BOXES) {
        if (startsWith(file, at, box)) {
          fields.add(new Field(at - 4, 4, Kind.BIG_ENDIAN));
          if (MP4_COUNTED.contains(box)) {
            fields.add(new Field(at + 8, 4, Kind.BIG_ENDIAN));
          } else if (box.equals("stsz")) {
            fields.add(new Field(at + 8, 4, Kind.BIG_ENDIAN));
            fields.add(new Field(at + 12, 4, Kind.BIG_ENDIAN));
          }
          break;
        }
      }
    }
  }

  private static void ebml(byte[] file, List<Field> fields) {
    for (int at = 0; at + 5 <= file.length && fields.size() < MAX_FIELDS; at++) {
      int id = readBigEndianInt(file, at);
      for (int known : EBML_IDS) {
        if (id == known) {
          addVint(file, at + 4, fields);
        }
      }
      if ((file[at] & 0xFF) == 0xA3 || (file[at] & 0xFF) == 0xA0) {
        addVint(file, at + 1, fields);
      }
    }
  }

  private static void addVint(byte[] file, int at, List<Field> fields) {
    int first = file[at] & 0xFF;
    if (first == 0) {
      return;
    }
    int width = Integer.numberOfLeadingZeros(first) - 24 + 1;
    if (at + width <= file.length) {
      fields.add(new Field(at, width, Kind.EBML_VINT));
    }
  }

  private static void mp3(byte[] file, List<Field> fields) {
    if (startsWith(file, 0, "ID3") && file.length >= 10) {
      fields.add(new Field(6, 4, Kind.SYNCHSAFE));
    }
    for (int at = 0; at + 4 <= file.length && fields.size() < MAX_FIELDS; at++) {
      if ((file[at] & 0xFF) == 0xFF && (file[at + 1] & 0xE0) == 0xE0) {
        fields.add(new Field(at + 2, 1, Kind.MP3_BITRATE));
      }
    }
  }

  private static void ogg(byte[] file, List<Field> fields) {
    for (int at = 0; at + 27 <= file.length && fields.size() < MAX_FIELDS; at++) {
      if (startsWith(file, at, "OggS")) {
        fields.add(new Field(at + 26, 1, Kind.BYTE));
        int segments = file[at + 26] & 0xFF;
        for (int i = 0; i < segments && at + 27 + i < file.length; i += 1 + i) {
          fields.add(new Field(at + 27 + i, 1, Kind.BYTE));
        }
      }
    }
  }

  private static void flac(byte[] file, List<Field> fields) {
    if (!startsWith(file, 0, "fLaC")) {
      return;
    }
    int at = 4;
    while (at + 4 <= file.length && fields.size() < MAX_FIELDS) {
      Field length = new Field(at + 1, 3, Kind.BIG_ENDIAN);
      fields.add(length);
      boolean last = (file[at] & 0x80) != 0;
      at += 4 + (int) readInt(file, length);
      if (last) {
        break;
      }
    }
  }

  private static boolean startsWith(byte[] file, int at, String ascii) {
    byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
    if (at < 0 || at + expected.length > file.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (file[at + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static int readBigEndianInt(byte[] file, int at) {
    return (file[at] & 0xFF) << 24
        | (file[at + 1] & 0xFF) << 16
        | (file[at + 2] & 0xFF) << 8
        | file[at + 3] & 0xFF;
  }

  static long readInt(byte[] file, Field field) {
    long value = 0;
    for (int i = 0; i < field.width(); i++) {
      int index =
          field.kind() == Kind.LITTLE_ENDIAN
              ? field.offset() + field.width() - 1 - i
              : field.offset() + i;
      value = value << 8 | (file[index] & 0xFF);
    }
    return value;
  }

  private static void writeInt(byte[] file, Field field, long value) {
    for (int i = 0; i < field.width(); i++) {
      int index =
          field.kind() == Kind.LITTLE_ENDIAN
              ? field.offset() + i
              : field.offset() + field.width() - 1 - i;
      file[index] = (byte) (value >>> (8 * i));
    }
  }
}
