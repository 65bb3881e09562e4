package echobench.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import echobench.reports.io.InputException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where the compute device is chosen: a GPU when the engine sees one, else the CPU,
 * unless the user names one with {@code --device cpu|gpu|gpu:K} ({@code gpu} is {@code gpu:0}).
 */
public final class Devices {
  private static final Pattern GPU = Pattern.compile("gpu(?::(\\d{1,4}))?");

  private Devices() {}

  /**
   * Resolves a device request against the GPUs the PyTorch engine sees.
   *
   * @param request {@code "cpu"}, {@code "gpu"}, {@code "gpu:K"}, or null/blank/{@code "auto"} for
   *     the default
   * @throws InputException for an unknown name, or a GPU that is not visible
   */
  public static Device resolve(String request) {
    return resolve(request, Engine.getInstance().getGpuCount());
  }

  /** Resolves {@code request} on a machine with {@code gpus} visible GPUs. */
  static Device resolve(String request, int gpus) {
    String r = request == null ? "auto" : request.trim().toLowerCase(Locale.ROOT);
    if (r.isEmpty() || r.equals("auto")) {
      return gpus > 0 ? Device.gpu() : Device.cpu();
    }
    if (r.equals("cpu")) {
      return Device.cpu();
    }
    Matcher gpu = GPU.matcher(r);
    if (!gpu.matches()) {
      throw new InputException(
          "unknown device '" + request + "' (use cpu, gpu or gpu:K, K from 0)");
    }
    if (gpus == 0) {
      throw new InputException("--device " + r + ": no GPU is visible to the PyTorch engine"
          + " (build with -Pcuda on a CUDA machine)");
    }
    int index = gpu.group(1) == null ? 0 : Integer.parseInt(gpu.group(1));
    if (index >= gpus) {
      throw new InputException("--device " + r + ": the PyTorch engine sees " + gpus
          + " GPU" + (gpus == 1 ? "" : "s") + " (gpu:0" + (gpus == 1 ? "" : " .. gpu:" + (gpus - 1))
          + ")");
    }
    return Device.gpu(index);
  }
}
