package dev.ser.training.model;

import dev.ser.inference.InputWindow;
import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Windows packed for one session call. */
record Batch(List<InputWindow> windows) {
  Batch {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one window");
    }
    windows = List.copyOf(windows);
  }

  int size() {
    return windows.size();
  }

  TFloat32 logMelTensor(Architecture architecture) {
    return tensor(
        Shape.of(size(), architecture.windowFrames(), architecture.melBins()),
        InputWindow.pack(windows, InputWindow::logMel));
  }

  TFloat32 framesTensor(Architecture architecture) {
    return tensor(
        Shape.of(size(), architecture.windowFrames(), architecture.frameWidth()),
        InputWindow.pack(windows, InputWindow::frameFeatures));
  }

  TFloat32 maskTensor(Architecture architecture) {
    return tensor(
        Shape.of(size(), architecture.windowFrames()),
        InputWindow.pack(windows, InputWindow::mask));
  }

  private static TFloat32 tensor(Shape shape, float[] values) {
    return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
  }
}
