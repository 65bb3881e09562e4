package echobench.perturb;

import java.util.SplittableRandom;

/**
 * Test clips that look like a scanner's export: a fan of known geometry filled with speckle that
 * changes every frame, a dark cavity and an acoustic shadow inside it, black outside, and the
 * overlays scanners draw. Records which pixels each overlay touched.
 */
final class ScannerClip {
  private static final float[] GREEN = {0.1f, 0.85f, 0.2f};
  private static final float[] WHITE = {0.95f, 0.95f, 0.95f};
  private static final float[] RED = {0.9f, 0.1f, 0.1f};
  private static final float[] BLUE = {0.1f, 0.2f, 0.9f};

  private final int channels;
  private final int frames;
  private final int height;
  private final int width;
  private final float[] data;
  private final boolean[] overlay;
  private final boolean[] dark;
  private final SectorGeometry fan;
  private final SplittableRandom random;

  /** Speckle in {@code fan} (grey if {@code channels} is 1), a cavity and a shadow; black outside. */
  ScannerClip(int channels, int frames, int height, int width, SectorGeometry fan, long seed) {
    this.channels = channels;
    this.frames = frames;
    this.height = height;
    this.width = width;
    this.fan = fan;
    this.data = new float[channels * frames * height * width];
    this.overlay = new boolean[height * width];
    this.dark = new boolean[height * width];
    this.random = new SplittableRandom(seed);
    double depth = (fan.nearRadius() + fan.radius()) / 2;
    double cavityX = fan.apexX() + depth * Math.sin(fan.centreAngle());
    double cavityY = fan.apexY() + depth * Math.cos(fan.centreAngle());
    double shadowAngle = fan.leftAngle() + 0.25 * (fan.rightAngle() - fan.leftAngle());
    for (int t = 0; t < frames; t++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          if (!fan.contains(x, y)) {
            continue;
          }
          boolean cavity = Math.hypot((x - cavityX) / (0.12 * fan.radius()),
              (y - cavityY) / (0.2 * fan.radius())) < 1;
          boolean shadow = Math.abs(fan.angleAt(x, y) - shadowAngle) < Math.toRadians(3)
              && fan.radiusAt(x, y) > 0.6 * fan.radius();
          dark[y * width + x] = cavity || shadow;
          // Rayleigh amplitude, log-compressed look; the cavity and shadow are near black
          double amplitude = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * 0.3;
          float v = (float) Math.min(1, (cavity || shadow) ? 0.03 * amplitude : 0.08 + amplitude);
          for (int c = 0; c < channels; c++) {
            data[((c * frames + t) * height + y) * width + x] = v;
          }
        }
      }
    }
  }

  /** A green ECG trace across rows {@code top..top+16} whose sweep and waveform move per frame. */
  ScannerClip ecg(int top) {
    for (int t = 0; t < frames; t++) {
      int sweep = (t * width / frames + width / 3) % width;
      for (int x = 0; x < width; x++) {
        if (Math.abs(x - sweep) < 4) {
          continue; // the erase bar in front of the sweep
        }
        double phase = 2 * Math.PI * (x + 5 * t) / 40.0;
        int y = top + 8 + (int) Math.round(6 * Math.sin(phase) * Math.exp(-2 * Math.cos(phase)));
        for (int dy = 0; dy < 2; dy++) {
          paint(t, x, Math.max(top, Math.min(top + 16, y + dy)), channels == 3 ? GREEN : WHITE);
        }
      }
    }
    return this;
  }

  /** Static white "text": a block of random glyph pixels at {@code (x0, y0)}, {@code w×h}. */
  ScannerClip text(int x0, int y0, int w, int h) {
    SplittableRandom glyphs = new SplittableRandom(x0 * 31L + y0);
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        if (glyphs.nextDouble() < 0.45) {
          paintAll(x, y, WHITE);
        }
      }
    }
    return this;
  }

  /** Static depth ticks: 3-pixel marks every 10 pixels of depth, just right of the right edge. */
  ScannerClip depthTicks() {
    for (double r = Math.max(10, fan.nearRadius()); r < fan.radius(); r += 10) {
      double a = fan.rightAngle() + Math.toRadians(3);
      int x = (int) Math.round(fan.apexX() + r * Math.sin(a));
      int y = (int) Math.round(fan.apexY() + r * Math.cos(a));
      for (int dx = 0; dx < 3; dx++) {
        if (inFrame(x + dx, y)) {
          paintAll(x + dx, y, WHITE);
        }
      }
    }
    return this;
  }

  /** A static colour bar, red at the top to blue at the bottom, {@code w×h} at {@code (x0, y0)}. */
  ScannerClip colourBar(int x0, int y0, int w, int h) {
    for (int y = y0; y < y0 + h; y++) {
      float f = (y - y0) / (float) h;
      for (int x = x0; x < x0 + w; x++) {
        paintAll(x, y, new float[] {1 - f, 0.2f, f});
      }
    }
    return this;
  }

  /** A colour-Doppler box, {@code w×h} at {@code (x0, y0)}: red and blue flow, new every frame. */
  ScannerClip doppler(int x0, int y0, int w, int h) {
    for (int t = 0; t < frames; t++) {
      for (int y = y0; y < y0 + h; y++) {
        for (int x = x0; x < x0 + w; x++) {
          double v = random.nextDouble();
          if (v < 0.6) {
            paint(t, x, y, v < 0.3 ? RED : BLUE);
          }
        }
      }
    }
    return this;
  }

  Clip clip(String id) {
    return new Clip(data.clone(), channels, frames, height, width, 25, id);
  }

  /** Pixels an overlay was drawn on in some frame. */
  boolean overlay(int x, int y) {
    return overlay[y * width + x];
  }

  /** Pixels of the fan's dark cavity or shadow. */
  boolean dark(int x, int y) {
    return dark[y * width + x];
  }

  private void paintAll(int x, int y, float[] rgb) {
    for (int t = 0; t < frames; t++) {
      paint(t, x, y, rgb);
    }
  }

  private void paint(int t, int x, int y, float[] rgb) {
    overlay[y * width + x] = true;
    for (int c = 0; c < channels; c++) {
      data[((c * frames + t) * height + y) * width + x] = channels == 1 ? rgb[1] : rgb[c];
    }
  }

  private boolean inFrame(int x, int y) {
    return x >= 0 && y >= 0 && x < width && y < height;
  }
}
