package echobench.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import echobench.reports.io.InputException;
import java.util.Locale;

/**
 * The one place where the compute device is chosen: a GPU when the engine sees one, else the CPU,
 * unless the user names one with {@code --device cpu|gpu}.
 */
public final class Devices {
  private Devices() {}

  /**
   * Resolves a device request.
   *
   * @param request {@code "cpu"}, {@code "gpu"}, or null/blank/{@code "auto"} for the default
   * @throws InputException for an unknown name, or {@code gpu} when no GPU is visible
   */
  public static Device resolve(String request) {
    String r = request == null ? "auto" : request.trim().toLowerCase(Locale.ROOT);
    int gpus = Engine.getInstance().getGpuCount();
    return switch (r) {
      case "", "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
      case "cpu" -> Device.cpu();
      case "gpu" -> {
        if (gpus == 0) {
          throw new InputException(
              "--device gpu: no GPU is visible to the PyTorch engine (build with -Pcuda on a CUDA machine)");
        }
        yield Device.gpu();
      }
      default -> throw new InputException("unknown device '" + request + "' (use cpu or gpu)");
    };
  }
}
