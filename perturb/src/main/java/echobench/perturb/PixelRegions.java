package echobench.perturb;

/**
 * Operations on binary {@code H×W} pixel maps (row-major {@code boolean[]}): 4-connected
 * components and square dilation, as the fan detector needs them.
 */
final class PixelRegions {
  private PixelRegions() {}

  /** The largest 4-connected component of {@code on} (the first found on a tie); may be empty. */
  static boolean[] largestComponent(boolean[] on, int width) {
    int[] label = new int[on.length];
    int[] stack = new int[on.length];
    int best = 0;
    int bestSize = 0;
    int next = 0;
    for (int p = 0; p < on.length; p++) {
      if (on[p] && label[p] == 0) {
        next++;
        int size = flood(on, label, stack, p, next, width);
        if (size > bestSize) {
          bestSize = size;
          best = next;
        }
      }
    }
    boolean[] out = new boolean[on.length];
    for (int p = 0; p < on.length; p++) {
      out[p] = best != 0 && label[p] == best;
    }
    return out;
  }

  /** {@code on} dilated by a {@code (2r+1)×(2r+1)} square, clipped at the frame border. */
  static boolean[] dilate(boolean[] on, int height, int width, int r) {
    boolean[] rows = new boolean[on.length];
    for (int y = 0; y < height; y++) {
      int last = Integer.MIN_VALUE;
      for (int x = 0; x < width + r; x++) {
        if (x < width && on[y * width + x]) {
          last = x;
        }
        int target = x - r;
        if (target >= 0 && last >= target - r) {
          rows[y * width + target] = true;
        }
      }
    }
    boolean[] out = new boolean[on.length];
    for (int x = 0; x < width; x++) {
      int last = Integer.MIN_VALUE;
      for (int y = 0; y < height + r; y++) {
        if (y < height && rows[y * width + x]) {
          last = y;
        }
        int target = y - r;
        if (target >= 0 && last >= target - r) {
          out[target * width + x] = true;
        }
      }
    }
    return out;
  }

  /** Number of pixels set. */
  static int count(boolean[] on) {
    int n = 0;
    for (boolean b : on) {
      if (b) {
        n++;
      }
    }
    return n;
  }

  /** Labels the 4-connected component of {@code start} with {@code id}; returns its size. */
  private static int flood(boolean[] on, int[] label, int[] stack, int start, int id, int width) {
    int top = 0;
    stack[top++] = start;
    label[start] = id;
    int size = 0;
    while (top > 0) {
      int p = stack[--top];
      size++;
      int x = p % width;
      if (x > 0) {
        top = push(on, label, stack, top, p - 1, id);
      }
      if (x < width - 1) {
        top = push(on, label, stack, top, p + 1, id);
      }
      if (p >= width) {
        top = push(on, label, stack, top, p - width, id);
      }
      if (p + width < on.length) {
        top = push(on, label, stack, top, p + width, id);
      }
    }
    return size;
  }

  private static int push(boolean[] on, int[] label, int[] stack, int top, int p, int id) {
    if (on[p] && label[p] == 0) {
      label[p] = id;
      stack[top++] = p;
    }
    return top;
  }
}
