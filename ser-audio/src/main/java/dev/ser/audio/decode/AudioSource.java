package dev.ser.audio.decode;

/**
 * What a decoded source was.
 *
 * @param format the container name FFmpeg (or the WAV reader) reported, e.g. {@code "wav"}, {@code
 *     "mp3"}, {@code "ogg"}, {@code "matroska,webm"}, {@code "mov,mp4,m4a,3gp,3g2,mj2"}
 * @param sampleRate the source's sample rate, Hz
 * @param channels the source's channel count
 * @param durationSeconds the source's duration as decoded
 * @param streams how many streams reached the sink: 1 mixed, else {@link #channels()}
 */
public record AudioSource(
    String format, int sampleRate, int channels, double durationSeconds, int streams) {

  public AudioSource {
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("format must be named");
    }
    if (sampleRate <= 0 || channels <= 0 || streams <= 0) {
      throw new IllegalArgumentException("need a positive rate, channel and stream count");
    }
  }
}
