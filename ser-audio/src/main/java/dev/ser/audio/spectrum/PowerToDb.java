package dev.ser.audio.spectrum;

/**
 * {@code librosa.power_to_db(S, ref, amin, top_db)}: {@code 10 log10(max(amin, S)) - 10
 * log10(max(amin, ref))}, then every cell raised to at least {@code max - top_db} (the maximum over
 * the whole input). Input: power, {@code [rows][frames]}; output: dB, same shape.
 *
 * <p>The logarithm is the binary exponent, a 64-entry table of the mantissa's leading bits and four
 * terms of {@code log1p} for the rest (error below 1e-6 dB), several times faster than {@link
 * Math#log10}. Immutable and thread-safe.
 */
public final class PowerToDb {
  private static final double TEN_LOG10_2 = 10.0 * Math.log10(2.0);
  private static final int SEGMENT_BITS = 6;
  private static final int SEGMENTS = 1 << SEGMENT_BITS;
  private static final float TEN_OVER_LN10 = (float) (10.0 / Math.log(10.0));
  private static final double[] TEN_LOG10_CENTRE = new double[SEGMENTS];
  private static final float[] INVERSE_CENTRE = new float[SEGMENTS];

  static {
    for (int i = 0; i < SEGMENTS; i++) {
      double centre = 1 + (i + 0.5) / SEGMENTS;
      TEN_LOG10_CENTRE[i] = 10.0 * Math.log10(centre);
      INVERSE_CENTRE[i] = (float) (1 / centre);
    }
  }

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
    float maxPower = 0;
    for (int r = 0; r < power.length; r++) {
      maxPower = Math.max(maxPower, tenLog10Row(power[r], db[r]));
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
   * <p>{@code 10 log10(x)} is the binary exponent times {@code 10 log10(2)}, plus the logarithm of
   * the mantissa {@code m} in [1, 2): {@code m = c (1 + r)} with {@code c} the centre of one of 64
   * segments (tabulated) and {@code |r| < 1/128}, where four terms of {@code log1p(r)} leave an
   * error below {@code r^5 / 5}; float32 arithmetic adds about 3e-7 dB. The bit tricks need normal
   * floats, so a subnormal {@code amin} or a non-finite input falls back to {@link Math#log10}.
   */
  private float tenLog10Row(float[] in, float[] out) {
    float max = 0;
    if (aminFloat >= Float.MIN_NORMAL) {
      for (int t = 0; t < in.length; t++) {
        float value = in[t];
        max = Math.max(max, value);
        int bits = Float.floatToRawIntBits(Math.max(value, aminFloat));
        int segment = (bits >>> (23 - SEGMENT_BITS)) & (SEGMENTS - 1);
        float mantissa = Float.intBitsToFloat((bits & 0x007F_FFFF) | 0x3F80_0000);
        float r = mantissa * INVERSE_CENTRE[segment] - 1;
        float log1p = r * (1 + r * (-0.5f + r * (1f / 3 - r * 0.25f)));
        out[t] =
            (float)
                (((bits >>> 23) - 127) * TEN_LOG10_2
                    + TEN_LOG10_CENTRE[segment]
                    + TEN_OVER_LN10 * log1p
                    - refDb);
      }
    }
    if (aminFloat < Float.MIN_NORMAL || !Float.isFinite(max)) {
      for (int t = 0; t < in.length; t++) {
        max = Math.max(max, in[t]);
        out[t] = (float) (10.0 * Math.log10(Math.max(amin, in[t])) - refDb);
      }
    }
    return max;
  }
}
