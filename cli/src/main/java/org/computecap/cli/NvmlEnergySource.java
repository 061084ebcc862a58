package org.computecap.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every GPU's energy counter through NVIDIA's management library (NVML, {@code libnvidia-ml}),
 * bound with JNA: {@code nvmlInit_v2}, {@code nvmlDeviceGetCount_v2}, {@code
 * nvmlDeviceGetHandleByIndex_v2}, {@code nvmlDeviceGetName} and {@code
 * nvmlDeviceGetTotalEnergyConsumption} (millijoules since the driver was loaded; Volta and later).
 * Where the library or a GPU is missing, {@link #open} says so in one sentence.
 */
final class NvmlEnergySource implements EnergySource {
  private static final int NVML_SUCCESS = 0;
  private static final int NAME_BYTES = 96;

  /** The NVML functions the agent uses. */
  interface Nvml extends Library {
    int nvmlInit_v2();

    int nvmlShutdown();

    int nvmlDeviceGetCount_v2(IntByReference count);

    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    int nvmlDeviceGetTotalEnergyConsumption(Pointer device, LongByReference millijoules);

    String nvmlErrorString(int result);
  }

  private final Nvml nvml;
  private final List<Pointer> devices;
  private final List<String> names;

  private NvmlEnergySource(Nvml nvml, List<Pointer> devices, List<String> names) {
    this.nvml = nvml;
    this.devices = devices;
    this.names = names;
  }

  /** Loads NVML and finds every GPU; a {@link MeterSourceException} says why it cannot. */
  static NvmlEnergySource open() {
    Nvml nvml;
    try {
      nvml = Native.load("nvidia-ml", Nvml.class);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new MeterSourceException(
          "NVML is not available on this machine (no NVIDIA driver: libnvidia-ml could not be"
              + " loaded); use --source file or --source command on a machine without GPUs",
          e);
    }
    check(nvml, nvml.nvmlInit_v2(), "nvmlInit_v2");
    IntByReference count = new IntByReference();
    check(nvml, nvml.nvmlDeviceGetCount_v2(count), "nvmlDeviceGetCount_v2");
    if (count.getValue() == 0) {
      nvml.nvmlShutdown();
      throw new MeterSourceException("NVML found no GPU on this machine");
    }
    List<Pointer> devices = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count.getValue(); i++) {
      PointerByReference handle = new PointerByReference();
      check(nvml, nvml.nvmlDeviceGetHandleByIndex_v2(i, handle), "nvmlDeviceGetHandleByIndex_v2");
      devices.add(handle.getValue());
      byte[] name = new byte[NAME_BYTES];
      check(nvml, nvml.nvmlDeviceGetName(handle.getValue(), name, NAME_BYTES), "nvmlDeviceGetName");
      int end = 0;
      while (end < name.length && name[end] != 0) {
        end++;
      }
      names.add(new String(name, 0, end, StandardCharsets.US_ASCII));
    }
    return new NvmlEnergySource(nvml, List.copyOf(devices), List.copyOf(names));
  }

  @Override
  public long[] readMillijoules() {
    long[] out = new long[devices.size()];
    for (int i = 0; i < out.length; i++) {
      LongByReference mj = new LongByReference();
      check(
          nvml,
          nvml.nvmlDeviceGetTotalEnergyConsumption(devices.get(i), mj),
          "nvmlDeviceGetTotalEnergyConsumption (GPU " + i + ")");
      out[i] = mj.getValue();
    }
    return out;
  }

  @Override
  public List<String> deviceNames() {
    return names;
  }

  @Override
  public void close() {
    nvml.nvmlShutdown();
  }

  private static void check(Nvml nvml, int result, String call) {
    if (result != NVML_SUCCESS) {
      throw new MeterSourceException(
          "NVML " + call + " failed: " + nvml.nvmlErrorString(result) + " (" + result + ")");
    }
  }
}
