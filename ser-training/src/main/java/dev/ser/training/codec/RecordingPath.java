package dev.ser.training.codec;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodedAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * A way the same speech can reach the product: as 16 kHz WAV, as a 44.1 or 48 kHz stereo WAV, or
 * through a lossy codec at a typical bit rate (what a phone app, a browser or a media library
 * writes). {@link #recode} sends 16 kHz mono audio along the path with FFmpeg's own encoders and
 * decodes it again with the product's {@link AudioDecoder}, so training can learn that it is the
 * same speech and evaluation can measure whether the answer stays the same.
 */
public enum RecordingPath {
  WAV_16K("WAV 16 kHz", "wav", "pcm_s16le", 16_000, 1, 0),
  WAV_44K_STEREO("WAV 44.1 kHz stereo", "wav", "pcm_s16le", 44_100, 2, 0),
  WAV_48K_STEREO("WAV 48 kHz stereo", "wav", "pcm_s16le", 48_000, 2, 0),
  MP3_128K("MP3 128 kbit/s", "mp3", "libmp3lame", 44_100, 2, 128_000),
  AAC_96K("AAC 96 kbit/s (M4A)", "ipod", "aac", 44_100, 1, 96_000),
  OPUS_32K("Ogg/Opus 32 kbit/s", "ogg", "libopus", 48_000, 1, 32_000),
  WEBM_OPUS("WebM/Opus 64 kbit/s (a browser's recording)", "webm", "libopus", 48_000, 1, 64_000);

  private final String label;
  private final String format;
  private final String codec;
  private final int sampleRate;
  private final int channels;
  private final int bitRate;

  RecordingPath(
      String label, String format, String codec, int sampleRate, int channels, int bitRate) {
    this.label = label;
    this.format = format;
    this.codec = codec;
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.bitRate = bitRate;
  }

  public String label() {
    return label;
  }

  /** The paths a training clip is sent along as augmentation: all but the plain 16 kHz WAV. */
  public static RecordingPath[] augmenting() {
    return new RecordingPath[] {WAV_44K_STEREO, MP3_128K, AAC_96K, OPUS_32K, WEBM_OPUS};
  }

  /**
   * {@code samples} (16 kHz mono) encoded along this path and decoded again by {@code decoder}.
   *
   * @throws UncheckedIOException when FFmpeg cannot write the file
   */
  public float[] recode(float[] samples, AudioDecoder decoder) {
    return send(samples, decoder).samples();
  }

  /**
   * {@code samples} (16 kHz mono) encoded along this path and decoded again by {@code decoder},
   * with what the decoder saw (format, source rate and channels), as the product would receive
   * them.
   *
   * @throws UncheckedIOException when FFmpeg cannot write the file
   */
  public DecodedAudio send(float[] samples, AudioDecoder decoder) {
    Path file = null;
    try {
      file = Files.createTempFile("ser-recode-", "." + format);
      encode(samples, file);
      return decoder.decode(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a temporary file left behind is no reason to lose the clip
        }
      }
    }
  }

  /** Writes {@code samples} (16 kHz mono) to {@code file} in this path's format. */
  public void encode(float[] samples, Path file) throws IOException {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), channels)) {
      recorder.setFormat(format);
      recorder.setAudioCodecName(codec);
      recorder.setSampleRate(sampleRate);
      recorder.setAudioChannels(channels);
      if (bitRate > 0) {
        recorder.setAudioBitrate(bitRate);
      }
      if (codec.startsWith("pcm_")) {
        recorder.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
      }
      recorder.start();
      // The recorder converts the rate; the channels are ours to lay out (interleaved), since its
      // own mono-to-stereo conversion garbles the signal.
      float[] interleaved = new float[samples.length * channels];
      for (int i = 0; i < samples.length; i++) {
        for (int c = 0; c < channels; c++) {
          interleaved[i * channels + c] = samples[i];
        }
      }
      recorder.recordSamples(AudioDecoder.SAMPLE_RATE, channels, FloatBuffer.wrap(interleaved));
      recorder.stop();
    } catch (FFmpegFrameRecorder.Exception e) {
      throw new IOException("FFmpeg cannot write " + label + ": " + e.getMessage(), e);
    }
  }
}
