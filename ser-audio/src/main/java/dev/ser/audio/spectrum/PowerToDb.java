package dev.ser.audio.spectrum;

/**
 * {@code librosa.power_to_db(S, ref, amin, top_db)}: {@code 10 log10(max(amin, S)) - 10
 * log10(max(amin, ref))}, then every cell raised to at least {@code max - top_db} (the maximum over
 * the whole input). Input: power, {@code [rows][frames]}; output: dB, same shape.
 *
 * <p>The logarithm is the binary exponent plus a polynomial of the mantissa (see {@link
 * #tenLog10Row}), several times faster than {@link Math#log10}. Immutable and thread-safe; {@link
 * #applyInto} allocates two rows of scratch per call.
 */
public final class PowerToDb {
  private static final float TEN_LOG10_2 = (float) (10.0 * Math.log10(2.0));
  private static final float EXPONENT_OFFSET = 0x1p23f + 127;
  // 10 log10(1 + m) on [0, 1), least squares at Chebyshev nodes.
  private static final float C0 = 9.623863608415086e-07f;
  private static final float C1 = 4.342815587316581f;
  private static final float C2 = -2.168579786698162f;
  private static final float C3 = 1.4223653001938488f;
  private static final float C4 = -0.9726758855125456f;
  private static final float C5 = 0.573223820483303f;
  private static final float C6 = -0.23133771644587586f;
  private static final float C7 = 0.04448838248092632f;

  private final double ref;
  private final double amin;
  private final double topDb;
  private final double refDb;
  private final float aminFloat;

  /**
   * @param ref {@code ref}: the power that maps to 0 dB; its absolute value is used, like librosa
   * @param amin {@code amin}: floor applied to {@code S} and {@code ref} before the logarithm,
   *     {@code > 0}
   * @param topDb {@code top_db}: dynamic range kept below the maximum, dB; {@code <= 0} or NaN for
   *     none ({@code top_db=None})
   */
  public PowerToDb(double ref, double amin, double topDb) {
    if (!(amin > 0) || Double.isInfinite(amin)) {
      throw new IllegalArgumentException("amin must be strictly positive, got " + amin);
    }
    if (Double.isNaN(ref) || Double.isInfinite(ref)) {
      throw new IllegalArgumentException("ref must be finite, got " + ref);
    }
    this.ref = Math.abs(ref);
    this.amin = amin;
    this.topDb = topDb;
    this.refDb = 10.0 * Math.log10(Math.max(amin, this.ref));
    this.aminFloat = (float) amin;
  }

  public double ref() {
    return ref;
  }

  public double amin() {
    return amin;
  }

  public double topDb() {
    return topDb;
  }

  /** {@code power_to_db(s)}, a new {@code [rows][frames]} array in dB. */
  public float[][] apply(float[][] power) {
    float[][] db = new float[power.length][];
    for (int r = 0; r < power.length; r++) {
      db[r] = new float[power[r].length];
    }
    applyInto(power, db);
    return db;
  }

  /** {@code power_to_db(power)} written into {@code db}, which has the same shape. */
  public void applyInto(float[][] power, float[][] db) {
    int width = 0;
    for (float[] row : power) {
      width = Math.max(width, row.length);
    }
    int[] bits = new int[width];
    float[] exponent = new float[width];
    float maxPower = 0;
    for (int r = 0; r < power.length; r++) {
      maxPower = Math.max(maxPower, tenLog10Row(power[r], db[r], bits, exponent));
    }
    if (topDb > 0) {
      // log is monotonic: the largest dB value is the dB value of the largest power.
      float floor = (float) (10.0 * Math.log10(Math.max(amin, maxPower)) - refDb - topDb);
      for (float[] row : db) {
        for (int t = 0; t < row.length; t++) {
          row[t] = Math.max(row[t], floor);
        }
      }
    }
  }

  /**
   * {@code out[t] = 10 log10(max(amin, in[t])) - refDb}, returning {@code max(in)}.
   *
   * <p>A float {@code x = 2^e m} with {@code m} in [1, 2) has {@code 10 log10(x) = 10 log10(2) e +
   * 10 log10(m)}; the second term is a degree-7 polynomial in {@code m - 1} fitted at Chebyshev
   * nodes (error below 1e-6 dB; float32 rounding adds about 1e-5 dB at 100 dB). Each step is its
   * own loop of plain arithmetic and bit casts, which the JIT turns into SIMD code. The bit tricks
   * need normal floats, so a subnormal {@code amin} or a non-finite input falls back to {@link
   * Math#log10}.
   */
  private float tenLog10Row(float[] in, float[] out, int[] bits, float[] exponent) {
    int n = in.length;
    float max = 0;
    for (int t = 0; t < n; t++) {
      max = Math.max(max, in[t]);
    }
    if (aminFloat < Float.MIN_NORMAL || !Float.isFinite(max)) {
      for (int t = 0; t < n; t++) {
        out[t] = (float) (10.0 * Math.log10(Math.max(amin, in[t])) - refDb);
      }
      return max;
    }
    for (int t = 0; t < n; t++) {
      bits[t] = Float.floatToRawIntBits(Math.max(in[t], aminFloat));
    }
    for (int t = 0; t < n; t++) {
      // The biased exponent placed in the mantissa of 2^23 turns into a float by one subtraction.
      exponent[t] = Float.intBitsToFloat((bits[t] >>> 23) | 0x4B00_0000) - EXPONENT_OFFSET;
    }
    for (int t = 0; t < n; t++) {
      out[t] = Float.intBitsToFloat((bits[t] & 0x007F_FFFF) | 0x3F80_0000) - 1;
    }
    float refDbFloat = (float) refDb;
    for (int t = 0; t < n; t++) {
      float m = out[t];
      float tenLog10Mantissa =
          C0 + m * (C1 + m * (C2 + m * (C3 + m * (C4 + m * (C5 + m * (C6 + m * C7))))));
      out[t] = exponent[t] * TEN_LOG10_2 + tenLog10Mantissa - refDbFloat;
    }
    return max;
  }
}
