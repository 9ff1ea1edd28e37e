package dev.ser.training.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** {@link Parameters} as graph variables initialised from the values the network supplies. */
final class Variables implements Parameters {
  private final Ops tf;
  private final Map<String, Variable<TFloat32>> weights = new LinkedHashMap<>();
  private final Map<String, Variable<TFloat32>> statistics = new LinkedHashMap<>();
  private final Map<String, Shape> shapes = new LinkedHashMap<>();

  Variables(Ops tf) {
    this.tf = tf;
  }

  @Override
  public Operand<TFloat32> weight(String name, Shape shape, Supplier<float[]> initial) {
    return weights.computeIfAbsent(name, n -> create(n, shape, initial));
  }

  @Override
  public Operand<TFloat32> statistic(String name, Shape shape, Supplier<float[]> initial) {
    return statistics.computeIfAbsent(name, n -> create(n, shape, initial));
  }

  private Variable<TFloat32> create(String name, Shape shape, Supplier<float[]> initial) {
    shapes.put(name, shape);
    return tf.withName(name.replace('/', '_'))
        .variable(tf.constant(shape, DataBuffers.of(initial.get(), true, false)));
  }

  /** The trainable weights, in creation order. */
  List<Variable<TFloat32>> trainable() {
    return List.copyOf(weights.values());
  }

  /** Current values of every weight and statistic, by name. */
  Map<String, float[]> values(Session session) {
    Map<String, Variable<TFloat32>> all = new LinkedHashMap<>(weights);
    all.putAll(statistics);
    Session.Runner runner = session.runner();
    List<String> names = List.copyOf(all.keySet());
    names.forEach(name -> runner.fetch(all.get(name)));
    Map<String, float[]> values = new LinkedHashMap<>();
    try (Result result = runner.run()) {
      for (int i = 0; i < names.size(); i++) {
        float[] value = new float[(int) shapes.get(names.get(i)).size()];
        ((TFloat32) result.get(i)).copyTo(DataBuffers.of(value, false, false));
        values.put(names.get(i), value);
      }
    }
    return values;
  }
}
