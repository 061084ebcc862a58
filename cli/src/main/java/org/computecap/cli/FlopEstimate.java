package org.computecap.cli;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metering agent's compute estimate (issue 17), Epoch AI's hardware method: compute = time ×
 * devices × peak throughput × utilisation. The peak is the device's dense 16-bit tensor throughput
 * (BF16/FP16 without sparsity) from a flag or from {@link #PEAK_FLOPS}, a small table of NVIDIA
 * datasheet figures (the datasheets quote the sparse figure, twice these); the utilisation (the
 * share of the peak the workload achieves, its "model FLOP utilisation") is the operator's stated
 * assumption, never a default, and the method string the meter signs records every parameter.
 *
 * @param peakFlopsPerDevice dense peak FLOP per second of one device
 * @param utilizationPpm the assumed utilisation in parts per million (1..10^6)
 */
record FlopEstimate(long peakFlopsPerDevice, long utilizationPpm) {
  /** Dense BF16 tensor peak in FLOP/s, by model (NVIDIA datasheets, sparse figure halved). */
  static final Map<String, Long> PEAK_FLOPS = table();

  FlopEstimate {
    if (peakFlopsPerDevice < 1) {
      throw new IllegalArgumentException("--peak-flops must be >= 1, got " + peakFlopsPerDevice);
    }
    if (utilizationPpm < 1 || utilizationPpm > 1_000_000) {
      throw new IllegalArgumentException(
          "--utilization must be in (0, 1], got " + utilizationPpm / 1e6);
    }
  }

  private static Map<String, Long> table() {
    Map<String, Long> t = new LinkedHashMap<>();
    t.put("H100-SXM", 989_000_000_000_000L); // 1,979 TFLOPS BF16 with sparsity
    t.put("H100-PCIE", 756_000_000_000_000L); // 1,513 with sparsity
    t.put("H200", 989_000_000_000_000L); // 1,979 with sparsity
    t.put("A100", 312_000_000_000_000L); // 624 with sparsity
    t.put("L4", 121_000_000_000_000L); // 242 with sparsity
    return Map.copyOf(t);
  }

  /** The table's key for an NVML device name ("NVIDIA H100 80GB HBM3"), or null. */
  static String modelOf(String deviceName) {
    String n = deviceName.toUpperCase(Locale.ROOT);
    if (n.contains("H200")) {
      return "H200";
    } else if (n.contains("H100")) {
      return n.contains("PCIE") ? "H100-PCIE" : "H100-SXM";
    } else if (n.contains("A100")) {
      return "A100";
    } else if (n.matches(".*\\bL4\\b.*")) {
      return "L4";
    }
    return null;
  }

  /**
   * The peak from {@code --peak-flops}, else {@code --gpu-model}, else the devices' names (all must
   * be one model); a sentence naming the flags when none tells it.
   */
  static long peak(Long peakFlag, String modelFlag, List<String> deviceNames) {
    if (peakFlag != null) {
      return peakFlag;
    }
    String model = modelFlag;
    if (model == null && !deviceNames.isEmpty()) {
      model = modelOf(deviceNames.get(0));
      for (String d : deviceNames) {
        if (model == null || !model.equals(modelOf(d))) {
          model = null;
          break;
        }
      }
    }
    Long peak = model == null ? null : PEAK_FLOPS.get(model.toUpperCase(Locale.ROOT));
    if (peak == null) {
      throw new IllegalArgumentException(
          "--gpu-model: the peak throughput of "
              + (model != null
                  ? "'" + model + "'"
                  : deviceNames.isEmpty() ? "the devices" : deviceNames)
              + " is not known; give --peak-flops or --gpu-model, one of "
              + String.join(", ", PEAK_FLOPS.keySet().stream().sorted().toList()));
    }
    return peak;
  }

  /** GFLOP done in {@code seconds} on {@code devices} devices, rounded down. */
  long gflop(long seconds, int devices) {
    return BigInteger.valueOf(seconds)
        .multiply(BigInteger.valueOf(devices))
        .multiply(BigInteger.valueOf(peakFlopsPerDevice))
        .multiply(BigInteger.valueOf(utilizationPpm))
        .divide(BigInteger.valueOf(1_000_000_000L * 1_000_000L))
        .longValueExact();
  }

  /** The method string a reading carries (and the meter signs). */
  String method(long seconds, int devices) {
    return "epoch-hardware-v1 seconds="
        + seconds
        + " devices="
        + devices
        + " peakFlops="
        + peakFlopsPerDevice
        + " utilizationPpm="
        + utilizationPpm;
  }
}
