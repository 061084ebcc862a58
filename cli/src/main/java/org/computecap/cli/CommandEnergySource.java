package org.computecap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Energy counters from a command's standard output, run with {@code sh -c} at every sample (a
 * vendor tool, a power distribution unit's client). It must finish within 30 seconds and exit 0.
 */
final class CommandEnergySource implements EnergySource {
  private final String command;

  CommandEnergySource(String command) {
    this.command = command;
  }

  @Override
  public long[] readMillijoules() {
    Process p;
    try {
      p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new MeterSourceException("cannot run the energy command: " + e.getMessage(), e);
    }
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new MeterSourceException("the energy command did not finish within 30 s");
      }
      if (p.exitValue() != 0) {
        throw new MeterSourceException("the energy command exited with " + p.exitValue());
      }
      return EnergySource.parse(out, "the energy command's output");
    } catch (IOException e) {
      throw new MeterSourceException("cannot read the energy command's output: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MeterSourceException("interrupted while reading the energy command", e);
    }
  }
}
