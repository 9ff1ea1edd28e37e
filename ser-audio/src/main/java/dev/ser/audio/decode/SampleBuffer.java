package dev.ser.audio.decode;

import java.nio.FloatBuffer;
import java.util.Arrays;

/** A growing mono float array, filled one decoded frame at a time. */
final class SampleBuffer {
  private float[] samples;
  private int size;

  SampleBuffer(int initialCapacity) {
    samples = new float[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  /** Appends the channel average of interleaved {@code [frames * channels]} samples. */
  void appendAveraged(FloatBuffer interleaved, int channels) {
    int frames = interleaved.remaining() / channels;
    ensureCapacity(size + frames);
    for (int frame = 0; frame < frames; frame++) {
      float sum = interleaved.get();
      for (int channel = 1; channel < channels; channel++) {
        sum += interleaved.get();
      }
      samples[size++] = channels == 1 ? sum : sum / channels;
    }
  }

  void append(float[] chunk, int length) {
    ensureCapacity(size + length);
    System.arraycopy(chunk, 0, samples, size, length);
    size += length;
  }

  float[] toArray() {
    return Arrays.copyOf(samples, size);
  }

  private void ensureCapacity(int needed) {
    if (needed > samples.length) {
      samples = Arrays.copyOf(samples, Math.max(needed, samples.length * 2));
    }
  }
}
