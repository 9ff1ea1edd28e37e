package dev.ser.web.analysis;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 section 14.1.2), already resolved
 * against the file's size: {@code bytes=100-199}, {@code bytes=100-} and the suffix form {@code
 * bytes=-500}.
 *
 * @param first the first byte, inclusive
 * @param last the last byte, inclusive
 */
record ByteRange(long first, long last) {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("bad range " + first + "-" + last);
    }
  }

  /**
   * The range a header asks for in a file of {@code size} bytes; empty when there is no header,
   * several ranges, or one that cannot be satisfied, in which case the whole file is sent.
   */
  static Optional<ByteRange> parse(String header, long size) {
    if (header == null || size <= 0) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        return suffix == 0
            ? Optional.empty()
            : Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      return first < size && first <= last
          ? Optional.of(new ByteRange(first, last))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  long length() {
    return last - first + 1;
  }

  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }
}
