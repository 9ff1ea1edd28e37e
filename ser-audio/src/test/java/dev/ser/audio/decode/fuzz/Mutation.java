package dev.ser.audio.decode.fuzz;

/** How a seed file is damaged; each is one pass of {@link Mutator}. */
public enum Mutation {
  /** 1 to 32 single bits flipped anywhere. */
  BIT_FLIPS,
  /** A run of 1 to 512 bytes overwritten with 0x00, 0xFF, one random byte, or noise. */
  BYTE_RUNS,
  /** Cut at a random length, from 1 byte to one short of the whole. */
  TRUNCATION,
  /** 1 to 6 fields in the first 512 bytes set to edge values (0, 1, 0x7F, 0x80, 0xFF.., 2^31-1). */
  HEADER_SMASH,
  /**
   * 1 to 3 of the container's own length fields ({@link SizeFields}: RIFF chunks, MP4 boxes, EBML
   * element sizes, ID3 tag and MP3 frame sizes, Ogg lacing, FLAC metadata blocks) made to lie: 0,
   * one off, far past the end, or the all-ones "unknown" value.
   */
  SIZE_LIE,
  /** A slice of this or another seed pasted over, inserted into, or repeated within the file. */
  SPLICE,
  /** Two or three of the above, one after the other. */
  STACKED
}
