package org.computecap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the {@code --out DIR} option of the analyze verbs writes its files. CSV cells carry full
 * double precision ({@link Double#toString} round-trips), unlike the tables for people.
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

  /** Writes a CSV file with the given header line and rows of cells. */
  static Path csv(Path dir, String fileName, String header, List<Object[]> rows)
      throws IOException {
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (Object[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        sb.append(c == 0 ? "" : ",").append(row[c]);
      }
      sb.append('\n');
    }
    Path file = dir.resolve(fileName);
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    return file;
  }
}
