package dev.ser.audio.decode;

import dev.ser.audio.UnsupportedAudioException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Raw signed 16-bit little-endian PCM, as a live stream sends it, turned into 16 kHz mono for a
 * {@link SampleSink} exactly as a WAV file of the same samples is read: channels averaged, then
 * resampled as {@code librosa.load(..., sr=16000, res_type="polyphase")} does ({@link Resampler}).
 * Bytes may arrive cut anywhere, even inside a sample: what does not complete a frame waits for the
 * next chunk. One instance serves one stream on one thread.
 */
public final class PcmStream {
  /** The most channels a stream may declare. */
  public static final int MAX_CHANNELS = 8;

  private static final int BYTES_PER_SAMPLE = 2;

  private final int channels;
  private final int frameBytes;
  private final Resampler resampler;
  private final byte[] partial;
  private int partialLength;
  private float[] mono = new float[4096];

  /**
   * @throws UnsupportedAudioException for a rate outside 1 kHz to 384 kHz
   * @throws IllegalArgumentException for channels outside 1 to {@value #MAX_CHANNELS}
   */
  public PcmStream(int sampleRate, int channels, SampleSink sink) {
    if (channels < 1 || channels > MAX_CHANNELS) {
      throw new IllegalArgumentException("channels must be 1 to " + MAX_CHANNELS + ": " + channels);
    }
    this.channels = channels;
    this.frameBytes = channels * BYTES_PER_SAMPLE;
    this.resampler = new Resampler(sampleRate, AudioDecoder.SAMPLE_RATE, 0, sink);
    this.partial = new byte[frameBytes];
  }

  /** Feeds the remaining bytes of {@code bytes}; whole frames go to the sink at once. */
  public void push(ByteBuffer bytes) {
    ByteBuffer data = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (partialLength > 0) {
      int take = Math.min(frameBytes - partialLength, data.remaining());
      data.get(partial, partialLength, take);
      partialLength += take;
      if (partialLength < frameBytes) {
        return;
      }
      mix(ByteBuffer.wrap(partial).order(ByteOrder.LITTLE_ENDIAN), 1);
      partialLength = 0;
    }
    int frames = data.remaining() / frameBytes;
    mix(data, frames);
    partialLength = data.remaining();
    data.get(partial, 0, partialLength);
  }

  /** Input frames received so far, at the stream's own rate. */
  public long frames() {
    return resampler.inputFrames();
  }

  /** Sends the resampler's last samples; a byte left over from an incomplete frame is dropped. */
  public void finish() {
    resampler.finish();
  }

  private void mix(ByteBuffer data, int frames) {
    if (mono.length < frames) {
      mono = new float[frames];
    }
    for (int frame = 0; frame < frames; frame++) {
      float sum = data.getShort() / 32768f;
      for (int channel = 1; channel < channels; channel++) {
        sum += data.getShort() / 32768f;
      }
      mono[frame] = channels == 1 ? sum : sum / channels;
    }
    if (frames > 0) {
      resampler.push(mono, frames);
    }
  }
}
