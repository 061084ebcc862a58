package org.computecap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a program argument means: a file when one exists at that path, otherwise the name of an
 * example program shipped inside the jar ({@code p1-energy}, {@code p2-risk-weighted}: the files of
 * the repository's {@code examples/programs/}), so {@code serve} and {@code program check} run from
 * any directory.
 */
final class ProgramOption {
  static final List<String> SHIPPED = List.of("p1-energy", "p2-risk-weighted");
  private static final String ROOT = "/org/computecap/cli/programs/";

  /** A program's text and where it came from (a path, or {@code shipped:NAME}). */
  record Source(String label, String text) {}

  private ProgramOption() {}

  /** The file at {@code value}, or null when {@code value} names no file. */
  static Path file(String value) {
    try {
      Path p = Path.of(value);
      return Files.isRegularFile(p) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The shipped program named {@code value} (with or without .yaml), or null. */
  static Source shipped(String value) {
    String name = value.endsWith(".yaml") ? value.substring(0, value.length() - 5) : value;
    if (!SHIPPED.contains(name)) {
      return null;
    }
    try (InputStream in = ProgramOption.class.getResourceAsStream(ROOT + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks the shipped program " + name);
      }
      return new Source("shipped:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bad input naming {@code option} when {@code value} is neither a file nor a shipped name. */
  static IllegalArgumentException unknown(String option, String value) {
    return new IllegalArgumentException(
        option
            + ": no such file or shipped program: "
            + value
            + " (shipped: "
            + String.join(", ", SHIPPED)
            + ")");
  }
}
