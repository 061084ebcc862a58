package org.computecap.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the metering agent reads energy (issue 17): one cumulative counter per device, in
 * millijoules, as NVML's {@code nvmlDeviceGetTotalEnergyConsumption} gives it (energy since the
 * driver loaded). A file or a command's output states the same: whitespace-separated non-negative
 * integers, one per device.
 */
interface EnergySource extends AutoCloseable {
  /** Each device's counter now, in millijoules. */
  long[] readMillijoules();

  /** The devices' model names (for the peak throughput table), or empty when unknown. */
  default List<String> deviceNames() {
    return List.of();
  }

  @Override
  default void close() {}

  /** Counters from text: whitespace-separated non-negative integers; {@code origin} for errors. */
  static long[] parse(String text, String origin) {
    List<Long> values = new ArrayList<>();
    for (String token : text.trim().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      long v;
      try {
        v = Long.parseLong(token);
      } catch (NumberFormatException e) {
        throw new MeterSourceException(
            origin + ": '" + token + "' is not a whole number of millijoules");
      }
      if (v < 0) {
        throw new MeterSourceException(origin + ": " + v + " millijoules is below 0");
      }
      values.add(v);
    }
    if (values.isEmpty()) {
      throw new MeterSourceException(origin + ": no energy counter (expected one per device)");
    }
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
