package echobench.harness.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The heart cut by the scan plane at one instant: tissue layers in priority order (the first that
 * contains a point decides its tissue; outside all of them is {@link Tissue#SOFT_TISSUE}), and how
 * far the tissue has moved from end-diastole so that speckle can follow it.
 */
final class HeartSection {
  private final Shape[] shapes;
  private final Tissue[] tissues;
  /** Per layer, the left-ventricular region it is part of, or {@code null}. */
  private final CardiacRegion[] regions;
  private final double stretchU;
  private final double stretchV;
  private final double minU;
  private final double maxU;
  private final double minV;
  private final double maxV;

  private HeartSection(List<Shape> shapes, List<Tissue> tissues, List<CardiacRegion> regions,
      double stretchU, double stretchV) {
    this.shapes = shapes.toArray(new Shape[0]);
    this.tissues = tissues.toArray(new Tissue[0]);
    this.regions = regions.toArray(new CardiacRegion[0]);
    this.stretchU = stretchU;
    this.stretchV = stretchV;
    double lowU = Double.POSITIVE_INFINITY;
    double highU = Double.NEGATIVE_INFINITY;
    double lowV = Double.POSITIVE_INFINITY;
    double highV = Double.NEGATIVE_INFINITY;
    for (Shape shape : shapes) {
      lowU = Math.min(lowU, shape.minU());
      highU = Math.max(highU, shape.maxU());
      lowV = Math.min(lowV, shape.minV());
      highV = Math.max(highV, shape.maxV());
    }
    this.minU = lowU;
    this.maxU = highU;
    this.minV = lowV;
    this.maxV = highV;
  }

  /** Collects the layers of a section, highest priority first. */
  static final class Builder {
    private final List<Shape> shapes = new ArrayList<>();
    private final List<Tissue> tissues = new ArrayList<>();
    private final List<CardiacRegion> regions = new ArrayList<>();

    /** Adds a layer below the ones already added. */
    Builder add(Tissue tissue, Shape shape) {
      return add(tissue, shape, null);
    }

    /** Adds a layer below the ones already added that is part of {@code region}. */
    Builder add(Tissue tissue, Shape shape, CardiacRegion region) {
      shapes.add(shape);
      tissues.add(tissue);
      regions.add(region);
      return this;
    }

    /**
     * The section; {@code stretchU} and {@code stretchV} map a point of the moving tissue back to
     * its end-diastolic place by scaling its heart coordinates about the origin.
     */
    HeartSection build(double stretchU, double stretchV) {
      return new HeartSection(shapes, tissues, regions, stretchU, stretchV);
    }
  }

  /** The tissue at heart point {@code (u, v)}. */
  Tissue tissueAt(double u, double v) {
    if (u < minU || u > maxU || v < minV || v > maxV) {
      return Tissue.SOFT_TISSUE;
    }
    for (int i = 0; i < shapes.length; i++) {
      if (shapes[i].contains(u, v)) {
        return tissues[i];
      }
    }
    return Tissue.SOFT_TISSUE;
  }

  /**
   * The left-ventricular region at heart point {@code (u, v)}: that of the layer which decides its
   * tissue, or {@code null} when that layer belongs to neither region (or no layer contains it).
   */
  CardiacRegion regionAt(double u, double v) {
    if (u < minU || u > maxU || v < minV || v > maxV) {
      return null;
    }
    for (int i = 0; i < shapes.length; i++) {
      if (shapes[i].contains(u, v)) {
        return regions[i];
      }
    }
    return null;
  }

  /** Factor that maps a moving point's {@code u} back to its end-diastolic {@code u}. */
  double stretchU() {
    return stretchU;
  }

  double stretchV() {
    return stretchV;
  }

  double minU() {
    return minU;
  }

  double maxU() {
    return maxU;
  }

  double minV() {
    return minV;
  }

  double maxV() {
    return maxV;
  }
}
