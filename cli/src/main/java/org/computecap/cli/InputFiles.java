package org.computecap.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a text file a person named with an option ({@code --population}, {@code --tnac-csv}), so
 * that a missing, unreadable or non-UTF-8 file is one line naming the option, and an error inside
 * the file can name the file the way the person sees it.
 */
final class InputFiles {

  private InputFiles() {}

  /** The file's name without its folders, as errors about its lines show it. */
  static String name(Path file) {
    Path fileName = file.getFileName();
    return fileName == null ? file.toString() : fileName.toString();
  }

  /** The whole file as UTF-8 text; any failure is bad input naming {@code option}. */
  static String text(String option, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(option + ": " + file + " does not exist");
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(option + ": " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new IllegalArgumentException(option + ": cannot read " + file + ": " + e);
    }
  }
}
