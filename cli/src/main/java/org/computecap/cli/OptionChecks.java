package org.computecap.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Range checks for option values that picocli's type conversion lets through ({@code --threads
 * -1}). Each failure is an {@link IllegalArgumentException} whose message starts with the option,
 * which {@link Main} prints as one line with exit code 2.
 */
final class OptionChecks {

  private OptionChecks() {}

  static void atLeast(String option, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(option + " must be >= " + min + ", was " + value);
    }
  }

  static void within(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          option + " must be within [" + min + ", " + max + "], was " + value);
    }
  }

  static void finiteAtLeast(String option, double value, double min) {
    if (!(Double.isFinite(value) && value >= min)) {
      throw new IllegalArgumentException(
          option + " must be finite and >= " + min + ", was " + value);
    }
  }

  /** A folder to write into: missing (it will be created) or a directory, never a file. */
  static void directory(String option, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(option + ": " + dir + " exists and is not a directory");
    }
  }
}
