/*
 * The C yardstick for `echobench bench perturb`: one thread multiplying every frame of a grey
 * T×H×W float clip by one H×W map, into an output buffer allocated once -- the same loop as the
 * Java `multiply-reference` row (echobench.harness.bench.MultiplyReference). Warm-up, then the
 * median of 9 timed iterations of at least 50 ms each, as the Java harness does.
 *
 * Build and run (from the repository root):
 *   gcc -O3 -o /tmp/multiply_baseline harness/src/test/c/multiply_baseline.c && /tmp/multiply_baseline
 * It prints one line per clip size: size, median M voxels/s, and the slowest-fastest spread.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { ITERATIONS = 9 };
static const double MIN_ITERATION_S = 0.05;
static const double WARMUP_S = 0.5;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void multiply(const float *in, float *out, const float *map, long voxels, long plane) {
  for (long off = 0; off < voxels; off += plane) {
    for (long p = 0; p < plane; p++) {
      out[off + p] = in[off + p] * map[p];
    }
  }
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Times `calls` multiplies; folds one output value per call into *sink so nothing is dead. */
static double time_calls(const float *in, float *out, const float *map, long voxels, long plane,
                         long calls, volatile float *sink) {
  double start = now();
  for (long c = 0; c < calls; c++) {
    multiply(in, out, map, voxels, plane);
    *sink += out[c % voxels];
  }
  return now() - start;
}

static void bench(int frames, int height, int width) {
  long plane = (long)height * width;
  long voxels = plane * frames;
  float *in = malloc(voxels * sizeof *in);
  float *out = malloc(voxels * sizeof *out);
  float *map = malloc(plane * sizeof *map);
  if (!in || !out || !map) {
    fprintf(stderr, "multiply_baseline: out of memory\n");
    exit(1);
  }
  unsigned int state = 12345u;
  for (long i = 0; i < voxels; i++) {
    state = state * 1664525u + 1013904223u;
    in[i] = (state >> 8) / 16777216.0f;
  }
  for (long p = 0; p < plane; p++) {
    map[p] = 1.0f - 0.5f * (float)(p / width) / height;
  }
  volatile float sink = 0;
  double single = time_calls(in, out, map, voxels, plane, 1, &sink);
  long calls = (long)(MIN_ITERATION_S / (single > 1e-9 ? single : 1e-9)) + 1;
  double warm_end = now() + WARMUP_S;
  while (now() < warm_end) {
    time_calls(in, out, map, voxels, plane, calls, &sink);
  }
  double rates[ITERATIONS];
  for (int i = 0; i < ITERATIONS; i++) {
    rates[i] = calls * (double)voxels / time_calls(in, out, map, voxels, plane, calls, &sink);
  }
  qsort(rates, ITERATIONS, sizeof rates[0], by_value);
  printf("multiply-c  %dx%dx%d  %8.1f Mvoxels/s  (%.1f-%.1f)\n", frames, height, width,
         rates[ITERATIONS / 2] / 1e6, rates[0] / 1e6, rates[ITERATIONS - 1] / 1e6);
  free(in);
  free(out);
  free(map);
}

int main(void) {
  bench(16, 112, 112);
  bench(16, 224, 224);
  return 0;
}
