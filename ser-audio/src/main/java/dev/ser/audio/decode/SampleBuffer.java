package dev.ser.audio.decode;

import java.util.Arrays;

/** A growing mono float array, filled one chunk at a time. */
final class SampleBuffer {
  private float[] samples;
  private int size;

  SampleBuffer(int initialCapacity) {
    samples = new float[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  void append(float[] chunk, int length) {
    if (size + length > samples.length) {
      samples = Arrays.copyOf(samples, Math.max(size + length, samples.length * 2));
    }
    System.arraycopy(chunk, 0, samples, size, length);
    size += length;
  }

  /** The samples appended. */
  float[] toArray() {
    return Arrays.copyOf(samples, size);
  }
}
