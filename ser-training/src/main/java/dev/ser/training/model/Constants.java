package dev.ser.training.model;

import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@link Parameters} frozen as graph constants: the exported, inference-only model. */
final class Constants implements Parameters {
  private final Ops tf;
  private final Map<String, float[]> values;

  Constants(Ops tf, Map<String, float[]> values) {
    this.tf = tf;
    this.values = Map.copyOf(values);
  }

  @Override
  public Operand<TFloat32> weight(String name, Shape shape, Supplier<float[]> initial) {
    return constant(name, shape);
  }

  @Override
  public Operand<TFloat32> statistic(String name, Shape shape, Supplier<float[]> initial) {
    return constant(name, shape);
  }

  private Operand<TFloat32> constant(String name, Shape shape) {
    float[] value = values.get(name);
    if (value == null || value.length != shape.size()) {
      throw new IllegalArgumentException("no trained value of shape " + shape + " for " + name);
    }
    return tf.constant(shape, DataBuffers.of(value, true, false));
  }
}
