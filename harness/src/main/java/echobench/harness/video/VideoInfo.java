package echobench.harness.video;

/**
 * What a cheap look at a video file tells: its frame count, rate, frame size and whether it is grey.
 *
 * @param frames the number of frames the container declares, or estimates from its duration
 * @param fps frames per second
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param grey whether the video reads as one channel (see {@link VideoReader})
 */
public record VideoInfo(int frames, double fps, int width, int height, boolean grey) {}
