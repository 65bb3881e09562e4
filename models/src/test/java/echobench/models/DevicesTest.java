package echobench.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import echobench.reports.io.InputException;
import org.junit.jupiter.api.Test;

/** {@code --device cpu|gpu|gpu:K} against the GPUs a machine has. */
class DevicesTest {
  @Test
  void gpuAloneIsTheFirstGpuAndGpuKPicksTheKth() {
    assertThat(Devices.resolve("gpu", 2)).isEqualTo(Device.gpu(0));
    assertThat(Devices.resolve("GPU:1", 2)).isEqualTo(Device.gpu(1));
    assertThat(Devices.resolve(" gpu:0 ", 1)).isEqualTo(Device.gpu(0));
    assertThat(Devices.resolve("cpu", 2)).isEqualTo(Device.cpu());
    assertThat(Devices.resolve(null, 2)).isEqualTo(Device.gpu(0));
    assertThat(Devices.resolve("auto", 0)).isEqualTo(Device.cpu());
  }

  @Test
  void aGpuBeyondTheMachinesIsOneLineNamingTheRange() {
    assertThatThrownBy(() -> Devices.resolve("gpu:2", 2))
        .isInstanceOf(InputException.class)
        .hasMessage("--device gpu:2: the PyTorch engine sees 2 GPUs (gpu:0 .. gpu:1)");
    assertThatThrownBy(() -> Devices.resolve("gpu:1", 1))
        .hasMessage("--device gpu:1: the PyTorch engine sees 1 GPU (gpu:0)");
  }

  @Test
  void malformedRequestsAreUnknownDevices() {
    for (String bad : new String[] {"gpu:", "gpu:-1", "gpu:x", "cuda:0", "gpu0"}) {
      assertThatThrownBy(() -> Devices.resolve(bad, 4)).as(bad)
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("unknown device '" + bad + "'");
    }
  }

  @Test
  void onACpuOnlyEngineEveryGpuRequestIsRefusedAlike() {
    assumeTrue(Engine.getInstance().getGpuCount() == 0, "the refusal of a CPU-only engine");
    for (String gpu : new String[] {"gpu", "gpu:0", "gpu:3"}) {
      assertThatThrownBy(() -> Devices.resolve(gpu)).as(gpu)
          .isInstanceOf(InputException.class)
          .hasMessage("--device " + gpu + ": no GPU is visible to the PyTorch engine"
              + " (build with -Pcuda on a CUDA machine)");
    }
  }
}
