package dev.ser.audio.spectrum;

/**
 * {@code librosa.power_to_db(S, ref, amin, top_db)}: {@code 10 log10(max(amin, S)) - 10
 * log10(max(amin, ref))}, then every cell raised to at least {@code max - top_db} (the maximum over
 * the whole input). Input: power, {@code [rows][frames]}; output: dB, same shape.
 *
 * <p>The logarithm is computed from the float's exponent and a short {@code atanh} series on its
 * mantissa (error below 1e-8 dB), several times faster than {@link Math#log10}. Immutable and
 * thread-safe.
 */
public final class PowerToDb {
  private static final double TEN_OVER_LN10 = 10.0 / Math.log(10.0);
  private static final double LN2 = Math.log(2.0);
  private static final double SQRT2 = Math.sqrt(2.0);

  private final double ref;
  private final double amin;
  private final double topDb;
  private final double refDb;

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
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < power.length; r++) {
      float[] in = power[r];
      float[] out = db[r];
      for (int t = 0; t < in.length; t++) {
        double value = tenLog10(Math.max(amin, in[t])) - refDb;
        out[t] = (float) value;
        max = Math.max(max, value);
      }
    }
    if (topDb > 0) {
      float floor = (float) (max - topDb);
      for (float[] row : db) {
        for (int t = 0; t < row.length; t++) {
          row[t] = Math.max(row[t], floor);
        }
      }
    }
  }

  /** {@code 10 * log10(x)} for a positive finite {@code x}. */
  static double tenLog10(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int exponent = (int) (bits >>> 52) - 1023;
    if (exponent == -1023 || exponent == 1024) {
      return 10.0 * Math.log10(x);
    }
    double mantissa =
        Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
    if (mantissa > SQRT2) {
      mantissa *= 0.5;
      exponent++;
    }
    // ln(m) = 2 atanh(s) with s = (m - 1) / (m + 1), |s| <= 0.1716: five terms leave < 1e-9.
    double s = (mantissa - 1) / (mantissa + 1);
    double s2 = s * s;
    double lnMantissa =
        2 * s * (1 + s2 * (1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9 + s2 / 11)))));
    return TEN_OVER_LN10 * (exponent * LN2 + lnMantissa);
  }
}
