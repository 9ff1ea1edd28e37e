package dev.ser.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
  @Test
  void closedRangeIsTakenAsIs() {
    assertThat(ByteRange.parse("bytes=100-199", 1000)).contains(new ByteRange(100, 199));
  }

  @Test
  void openRangeRunsToTheEnd() {
    assertThat(ByteRange.parse("bytes=900-", 1000)).contains(new ByteRange(900, 999));
  }

  @Test
  void suffixRangeIsTheLastBytes() {
    assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 999));
    assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
  }

  @Test
  void endPastTheFileIsClipped() {
    assertThat(ByteRange.parse("bytes=0-99999", 1000)).contains(new ByteRange(0, 999));
  }

  @Test
  void unsatisfiableMalformedOrMultipleRangesMeanTheWholeFile() {
    assertThat(ByteRange.parse("bytes=1000-", 1000)).isEmpty();
    assertThat(ByteRange.parse("bytes=5-2", 1000)).isEmpty();
    assertThat(ByteRange.parse("bytes=0-1,5-6", 1000)).isEmpty();
    assertThat(ByteRange.parse("items=0-1", 1000)).isEmpty();
    assertThat(ByteRange.parse("bytes=-", 1000)).isEmpty();
    assertThat(ByteRange.parse(null, 1000)).isEmpty();
  }

  @Test
  void contentRangeNamesTheTotal() {
    assertThat(new ByteRange(100, 199).contentRange(1000)).isEqualTo("bytes 100-199/1000");
    assertThat(new ByteRange(100, 199).length()).isEqualTo(100);
  }
}
