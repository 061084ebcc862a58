package org.computecap.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scenarios that ship inside the jar (the repository's {@code scenarios/} folder, packaged by
 * sim's pom), found by name, so that {@code --scenario default} works from any directory and not
 * only from the repository root. A shipped scenario's program path is read from the jar beside it,
 * exactly as a scenario file's program path is read beside the file.
 */
public final class ShippedScenarios {
  private static final String ROOT = "/org/computecap/sim/scenarios/";
  private static final String SUFFIX = ".yaml";

  private ShippedScenarios() {}

  /** The names of the shipped scenarios ({@code default}, {@code p2-deterrence}, ...), sorted. */
  public static List<String> names() {
    URL root = ShippedScenarios.class.getResource(ROOT);
    if (root == null) {
      throw new IllegalStateException("the jar carries no scenarios under " + ROOT);
    }
    return names(root);
  }

  /** The scenario names in a folder given by URL: a directory, or a folder inside a jar. */
  static List<String> names(URL root) {
    try {
      URI uri = root.toURI();
      if (uri.getScheme().equals("jar")) {
        String inside = uri.toString().substring(uri.toString().indexOf("!/") + 1);
        return names(jarFileSystem(uri).getPath(inside));
      }
      return names(Path.of(uri));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource URL " + root, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the shipped scenarios", e);
    }
  }

  /** Whether {@code name} (with or without {@code .yaml}) is a shipped scenario. */
  public static boolean exists(String name) {
    return plainName(name) && resourceText(ROOT + fileName(name)) != null;
  }

  /**
   * The YAML text of a shipped scenario.
   *
   * @throws IllegalArgumentException naming the shipped scenarios when there is no such one
   */
  public static String text(String name) {
    String text = plainName(name) ? resourceText(ROOT + fileName(name)) : null;
    if (text == null) {
      throw new IllegalArgumentException(
          "no shipped scenario named " + name + "; the shipped scenarios are " + names());
    }
    return text;
  }

  /** Loads a shipped scenario; its program is read from the jar. */
  public static Scenario load(String name) {
    return ScenarioLoader.parseWith(fileName(name), text(name), ShippedScenarios::program);
  }

  /**
   * The program path a shipped scenario names, relative to it ({@code programs/p2.yaml}), or null
   * when its program is an inline mapping.
   */
  public static String programFile(String name) {
    JsonNode program = ScenarioLoader.tree(fileName(name), text(name)).get("program");
    return program != null && program.isTextual() ? program.asText() : null;
  }

  /** The text of the program file a shipped scenario names ({@link #programFile}). */
  public static String programText(String name) {
    String file = programFile(name);
    String text = file == null ? null : program(file);
    if (text == null) {
      throw new IllegalArgumentException("shipped scenario " + name + " names no program file");
    }
    return text;
  }

  static String program(String relative) {
    Path normalized = Path.of(relative).normalize();
    if (normalized.isAbsolute() || normalized.startsWith("..")) {
      return null;
    }
    return resourceText(ROOT + normalized.toString().replace('\\', '/'));
  }

  // A name is a file name in the scenarios folder, never a path out of it.
  private static boolean plainName(String name) {
    return name.matches("[A-Za-z0-9_][A-Za-z0-9._-]*");
  }

  private static String fileName(String name) {
    return name.endsWith(SUFFIX) ? name : name + SUFFIX;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(SUFFIX))
          .map(f -> f.substring(0, f.length() - SUFFIX.length()))
          .sorted()
          .toList();
    }
  }

  private static FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(uri);
    }
  }

  private static String resourceText(String resource) {
    try (InputStream in = ShippedScenarios.class.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
    }
  }
}
