package org.computecap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Energy counters read from a file at every sample (machines without GPUs, tests). */
final class FileEnergySource implements EnergySource {
  private final Path file;

  FileEnergySource(Path file) {
    this.file = file;
  }

  @Override
  public long[] readMillijoules() {
    try {
      return EnergySource.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new MeterSourceException("cannot read the energy file " + file + ": " + e, e);
    }
  }
}
