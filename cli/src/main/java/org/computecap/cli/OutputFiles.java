package org.computecap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the {@code --out DIR} option of the analyze verbs writes its files (CSV through {@link
 * org.computecap.figures.CsvTable}, charts through {@link org.computecap.figures.Figure}).
 */
final class OutputFiles {

  private OutputFiles() {}

  /** Creates {@code dir} if needed; a path that exists and is not a directory is bad input. */
  static Path directory(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--out: " + dir + " exists and is not a directory");
    }
    Files.createDirectories(dir);
    return dir;
  }
}
