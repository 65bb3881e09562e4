package echobench.harness.synth;

/**
 * The left ventricle of a simulated subject: a prolate ellipsoid truncated at the mitral annulus,
 * beating between end-diastole and end-systole.
 *
 * <p>In the long-axis section the cavity is the part of an ellipse (semi-axes {@code a} along the
 * long axis, {@code b} across) from the apex to the annulus plane, which lies {@code truncation·a}
 * beyond the ellipse's centre. The apex stays put; in systole the long axis shortens by {@code
 * longAxisShortening} (the annulus descends towards the apex) and the short axis by {@code
 * shortAxisShortening}, both scaled by the contraction {@code c ∈ [0,1]} (0 end-diastole, 1
 * end-systole). The myocardium is incompressible: the wall's area in the section is the same at
 * every instant, so the wall thickens as the cavity shrinks.
 *
 * <p>The two apical planes cut the ventricle along its long axis at right angles: the
 * four-chamber plane (septal and lateral walls, {@link #diameterCm}, {@link #shortAxisShortening})
 * and the two-chamber plane (inferior and anterior walls, {@link #twoChamberDiameterCm}, {@link
 * #twoChamberShortening}). Every cross-section perpendicular to the long axis is an ellipse whose
 * axes are the two planes' widths at that level. When both planes agree (the six-argument
 * constructor) the ventricle is an ellipsoid of revolution; a two-chamber plane that moves less
 * models a regional wall-motion abnormality of the anterior or inferior wall, which the
 * four-chamber view alone does not see. The parasternal views show the four-chamber plane's
 * dimensions.
 *
 * <p>Volumes are measured on the simulated shape by Simpson's {@link MethodOfDiscs biplane method of
 * discs}, as a sonographer traces them in both apical views; the ejection fraction is {@code (EDV −
 * ESV)/EDV}. {@link #singlePlaneEjectionFraction()} is the four-chamber view's single-plane
 * estimate and {@link #exactEjectionFraction()} the truncated ellipsoid's exact one.
 *
 * @param lengthCm end-diastolic cavity length, apex to the middle of the annulus
 * @param diameterCm end-diastolic largest cavity width ({@code 2b})
 * @param truncation where the annulus cuts the ellipse, as a fraction of {@code a} beyond its
 *     centre
 * @param shortAxisShortening fractional shortening of the short axis at end-systole
 * @param longAxisShortening fractional shortening of the long axis at end-systole
 * @param wallCm end-diastolic wall thickness
 * @param twoChamberDiameterCm end-diastolic largest cavity width in the two-chamber plane
 * @param twoChamberShortening fractional shortening of that width at end-systole
 */
public record LeftVentricle(
    double lengthCm, double diameterCm, double truncation, double shortAxisShortening,
    double longAxisShortening, double wallCm, double twoChamberDiameterCm,
    double twoChamberShortening) {

  public LeftVentricle {
    if (!(lengthCm > 0 && diameterCm > 0 && wallCm > 0 && twoChamberDiameterCm > 0)) {
      throw new IllegalArgumentException("ventricle dimensions must be positive");
    }
    if (!(truncation > 0 && truncation < 1)) {
      throw new IllegalArgumentException("truncation must be in (0,1), not " + truncation);
    }
    if (!(shortAxisShortening >= 0 && shortAxisShortening < 1 && longAxisShortening >= 0
        && longAxisShortening < 1 && twoChamberShortening >= 0 && twoChamberShortening < 1)) {
      throw new IllegalArgumentException("shortening must be in [0,1)");
    }
  }

  /** A ventricle of revolution: the two-chamber plane has the four-chamber plane's dimensions. */
  public LeftVentricle(
      double lengthCm, double diameterCm, double truncation, double shortAxisShortening,
      double longAxisShortening, double wallCm) {
    this(lengthCm, diameterCm, truncation, shortAxisShortening, longAxisShortening, wallCm,
        diameterCm, shortAxisShortening);
  }

  /**
   * The ventricle with end-diastolic volume {@code edvMl} and ejection fraction {@code efPercent}.
   *
   * @param aspect end-diastolic length over diameter (a rounder ventricle has a smaller one)
   * @param truncation see {@link #truncation()}
   * @param longAxisShare long-axis shortening as a fraction of the short-axis shortening
   * @param wallCm end-diastolic wall thickness
   */
  public static LeftVentricle withVolumes(
      double edvMl, double efPercent, double aspect, double truncation, double longAxisShare,
      double wallCm) {
    if (!(efPercent > 0 && efPercent < 95)) {
      throw new IllegalArgumentException("ejection fraction must be in (0,95) %, not " + efPercent);
    }
    // Truncated ellipsoid: V = k·π·a·b² with k = (1+β) − (1+β³)/3; L = a(1+β), D = 2b = L/aspect.
    double beta = truncation;
    double k = (1 + beta) - (1 + beta * beta * beta) / 3;
    double semiLong =
        Math.cbrt(4 * aspect * aspect * edvMl / (k * Math.PI * (1 + beta) * (1 + beta)));
    double length = semiLong * (1 + beta);
    // Both axes scale, so ESV/EDV = (1 − κs)(1 − s)²; solve for the short-axis shortening s.
    double target = 1 - efPercent / 100;
    double low = 0;
    double high = 1;
    for (int i = 0; i < 60; i++) {
      double s = (low + high) / 2;
      double ratio = (1 - longAxisShare * s) * (1 - s) * (1 - s);
      if (ratio > target) {
        low = s;
      } else {
        high = s;
      }
    }
    double s = (low + high) / 2;
    return new LeftVentricle(length, length / aspect, truncation, s, longAxisShare * s, wallCm);
  }

  /** The long semi-axis {@code a} at contraction {@code c}. */
  public double semiLong(double c) {
    return lengthCm / (1 + truncation) * (1 - longAxisShortening * c);
  }

  /** The short semi-axis {@code b} at contraction {@code c}. */
  public double semiShort(double c) {
    return diameterCm / 2 * (1 - shortAxisShortening * c);
  }

  /** The short semi-axis in the two-chamber plane at contraction {@code c}. */
  public double twoChamberSemiShort(double c) {
    return twoChamberDiameterCm / 2 * (1 - twoChamberShortening * c);
  }

  /**
   * This ventricle with its two-chamber plane {@code diameterRatio} times as wide as the
   * four-chamber plane at end-diastole and shortening {@code shorteningRatio} times as much.
   */
  public LeftVentricle withTwoChamberPlane(double diameterRatio, double shorteningRatio) {
    return new LeftVentricle(lengthCm, diameterCm, truncation, shortAxisShortening,
        longAxisShortening, wallCm, diameterRatio * diameterCm,
        shorteningRatio * shortAxisShortening);
  }

  /**
   * The section in the two-chamber plane, as a ventricle of revolution with that plane's
   * dimensions (what the two-chamber view draws).
   */
  public LeftVentricle twoChamberSection() {
    return new LeftVentricle(lengthCm, twoChamberDiameterCm, truncation, twoChamberShortening,
        longAxisShortening, wallCm);
  }

  /** Distance from the apex to the annulus plane at contraction {@code c}. */
  public double cavityLength(double c) {
    return semiLong(c) * (1 + truncation);
  }

  /** Half the annulus diameter: half the cavity's width at the annulus plane. */
  public double annulusHalfWidth(double c) {
    return semiShort(c) * Math.sqrt(1 - truncation * truncation);
  }

  /**
   * The cavity's width in the four-chamber plane at distance {@code u} from the apex along the
   * long axis.
   */
  public double widthAt(double u, double c) {
    return width(u, c, semiShort(c));
  }

  /** The cavity's width in the two-chamber plane at distance {@code u} from the apex. */
  public double twoChamberWidthAt(double u, double c) {
    return width(u, c, twoChamberSemiShort(c));
  }

  private double width(double u, double c, double semiShort) {
    double a = semiLong(c);
    double x = (u - a) / a;
    return x * x >= 1 ? 0 : 2 * semiShort * Math.sqrt(1 - x * x);
  }

  /**
   * Wall thickness at contraction {@code c}: the ring between the cavity ellipse and the ellipse
   * {@code t} farther out keeps its end-diastolic area {@code π((a+t)(b+t) − ab)}.
   */
  public double wallThickness(double c) {
    double a0 = semiLong(0);
    double b0 = semiShort(0);
    double area = (a0 + wallCm) * (b0 + wallCm) - a0 * b0;
    double sum = semiLong(c) + semiShort(c);
    return (-sum + Math.sqrt(sum * sum + 4 * area)) / 2;
  }

  /** Cavity volume in mL at contraction {@code c}, by the biplane method of discs. */
  public double volumeMl(double c) {
    return MethodOfDiscs.biplaneVolume(
        u -> widthAt(u, c), u -> twoChamberWidthAt(u, c), cavityLength(c));
  }

  /**
   * Cavity volume in mL at contraction {@code c} by the single-plane method of discs in the
   * four-chamber view (circular discs of the four-chamber width).
   */
  public double singlePlaneVolumeMl(double c) {
    return MethodOfDiscs.volume(u -> widthAt(u, c), cavityLength(c));
  }

  /**
   * The exact cavity volume in mL at contraction {@code c}: the ellipsoid of semi-axes {@code a},
   * {@code b₄}, {@code b₂} cut {@code β·a} beyond its centre holds {@code π·a·b₄·b₂·((1+β) −
   * (1+β³)/3)}.
   */
  public double exactVolumeMl(double c) {
    double beta = truncation;
    return Math.PI * semiLong(c) * semiShort(c) * twoChamberSemiShort(c)
        * ((1 + beta) - (1 + beta * beta * beta) / 3);
  }

  /** End-diastolic volume in mL. */
  public double endDiastolicVolume() {
    return volumeMl(0);
  }

  /** End-systolic volume in mL. */
  public double endSystolicVolume() {
    return volumeMl(1);
  }

  /** Ejection fraction in percent, {@code 100·(EDV − ESV)/EDV}, by the biplane method of discs. */
  public double ejectionFraction() {
    double edv = endDiastolicVolume();
    return 100 * (edv - endSystolicVolume()) / edv;
  }

  /** Ejection fraction in percent by the four-chamber view's single-plane method of discs. */
  public double singlePlaneEjectionFraction() {
    double edv = singlePlaneVolumeMl(0);
    return 100 * (edv - singlePlaneVolumeMl(1)) / edv;
  }

  /** The exact ejection fraction of the simulated shape, in percent. */
  public double exactEjectionFraction() {
    double edv = exactVolumeMl(0);
    return 100 * (edv - exactVolumeMl(1)) / edv;
  }
}
