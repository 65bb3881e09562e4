package echobench.harness.video;

/**
 * How {@link VideoWriter} encodes a clip.
 *
 * <ul>
 *   <li>{@link #FFV1}: lossless, in {@code .avi} or {@code .mkv}; grey as 8-bit grey, colour as
 *       8-bit RGB, so pixels round-trip exactly after {@link Quantisation}.
 *   <li>{@link #H264}: lossy H.264 in {@code .mp4}, 4:2:0 (width and height must be even).
 *   <li>{@link #MJPEG}: lossy motion JPEG in {@code .avi}, the format EchoNet-Dynamic ships.
 * </ul>
 */
public enum VideoCodec {
  FFV1,
  H264,
  MJPEG
}
