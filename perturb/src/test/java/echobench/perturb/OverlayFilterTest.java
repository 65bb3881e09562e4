package echobench.perturb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pixel rules that separate moving grey echo from overlays. */
class OverlayFilterTest {
  @Test
  void colourStaticAndDarkPixelsAreNotTissue() {
    // one row of 5 pixels, 3 channels, 2 frames
    float[] d = new float[3 * 2 * 1 * 5];
    Clip clip = new Clip(d, 3, 2, 1, 5, 25, "rules");
    float[][] frame0 = {{0.5f, 0.5f, 0.5f}, {0.5f, 0.5f, 0.5f}, {0.5f, 0.5f, 0.5f},
        {0f, 0f, 0f}, {0.5f, 0.5f, 0.5f}};
    // pixel 0 grey and moving by 9/255; pixel 1 moves by 7/255 (static); pixel 2 moves but is
    // tinted 25/255 in frame 1; pixel 3 moves from 0 to 9/255, never brighter than 10/255;
    // pixel 4 grey and moving by 9/255 with a tint of 23/255 (below the limit)
    float step = 9f / 255;
    float[][] frame1 = {{0.5f + step, 0.5f + step, 0.5f + step},
        {0.5f + 7f / 255, 0.5f + 7f / 255, 0.5f + 7f / 255},
        {0.5f + step, 0.5f + step + 25f / 255, 0.5f + step},
        {step, step, step},
        {0.5f + step, 0.5f + step + 23f / 255, 0.5f + step}};
    for (int x = 0; x < 5; x++) {
      for (int c = 0; c < 3; c++) {
        d[clip.index(c, 0, 0, x)] = frame0[x][c];
        d[clip.index(c, 1, 0, x)] = frame1[x][c];
      }
    }

    boolean[] tissue = OverlayFilter.tissue(clip);

    assertThat(tissue).containsExactly(true, false, false, false, true);
  }

  @Test
  void theRegionDropsThinTracesAndKeepsTheLargestDenseArea() {
    int h = 40;
    int w = 60;
    boolean[] tissue = new boolean[h * w];
    for (int y = 5; y < 30; y++) {
      for (int x = 5; x < 30; x++) {
        tissue[y * w + x] = (x * 7 + y * 3) % 5 != 0; // 80 % dense, with dark holes
      }
    }
    for (int x = 0; x < w; x++) {
      tissue[35 * w + x] = true; // a trace 2 pixels thick
      tissue[36 * w + x] = true;
    }
    for (int y = 5; y < 15; y++) {
      for (int x = 40; x < 50; x++) {
        tissue[y * w + x] = true; // a smaller dense patch
      }
    }

    boolean[] region = OverlayFilter.fanRegion(tissue, h, w);

    assertThat(region[17 * w + 17]).isTrue();
    assertThat(region[35 * w + 10]).isFalse();
    assertThat(region[10 * w + 45]).isFalse();
    for (int p = 0; p < region.length; p++) {
      if (region[p]) {
        assertThat(p % w).isBetween(1, 33);
        assertThat(p / w).isBetween(1, 33);
      }
    }
  }
}
