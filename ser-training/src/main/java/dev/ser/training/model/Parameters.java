package dev.ser.training.model;

import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The network's numbers by name: variables while training, constants in the exported graph. Asking
 * twice for one name gives the same operand, so a training and an evaluation pass share weights.
 */
interface Parameters {

  /** A weight the optimiser trains; {@code initial} is only called the first time. */
  Operand<TFloat32> weight(String name, Shape shape, Supplier<float[]> initial);

  /** A running statistic (batch-norm mean or variance), updated by assignment, not by gradients. */
  Operand<TFloat32> statistic(String name, Shape shape, Supplier<float[]> initial);
}
