package echobench.models;

/**
 * IEEE 754 binary16 ("half") conversions, as stored by safetensors {@code F16} tensors and by the
 * float16 feature store: normals, subnormals, infinities and NaN; float to half rounds to nearest,
 * ties to even, and overflows to infinity.
 */
public final class Float16 {
  private Float16() {}

  /** The float value of the half {@code bits} (the low 16 bits are read). */
  public static float toFloat(int bits) {
    int sign = (bits >>> 15) & 1;
    int exponent = (bits >>> 10) & 0x1F;
    int mantissa = bits & 0x3FF;
    float magnitude;
    if (exponent == 0) {
      magnitude = mantissa * 0x1p-24f;
    } else if (exponent == 31) {
      magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
    } else {
      magnitude = Float.intBitsToFloat(((exponent + 112) << 23) | (mantissa << 13));
    }
    return sign == 0 ? magnitude : -magnitude;
  }

  /** The half nearest to {@code value} (ties to even), as the low 16 bits of a short. */
  public static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = (bits >>> 23) & 0xFF;
    int mantissa = bits & 0x7FFFFF;
    if (exponent == 0xFF) {
      return (short) (sign | 0x7C00 | (mantissa == 0 ? 0 : 0x200));
    }
    int halfExponent = exponent - 127 + 15;
    if (halfExponent >= 31) {
      return (short) (sign | 0x7C00);
    }
    if (halfExponent <= 0) {
      if (halfExponent < -10) {
        return (short) sign;
      }
      // Subnormal half: shift the full significand (implicit bit included) into place.
      int significand = mantissa | 0x800000;
      int shift = 14 - halfExponent;
      return (short) (sign | roundShift(significand, shift));
    }
    // A carry out of the mantissa correctly bumps the exponent (and reaches infinity at the top).
    return (short) (sign | ((halfExponent << 10) + roundShift(mantissa, 13)));
  }

  /** {@code value >> shift}, rounded to nearest with ties to even. */
  private static int roundShift(int value, int shift) {
    int kept = value >>> shift;
    int rest = value & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    if (rest > half || (rest == half && (kept & 1) == 1)) {
      kept++;
    }
    return kept;
  }
}
