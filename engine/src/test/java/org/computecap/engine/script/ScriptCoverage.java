package org.computecap.engine.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.computecap.engine.Rejection;

/**
 * What a feature's scenario scripts leave unexercised: each feature's coverage test asks for the
 * rejection codes of its section of {@link Rejection} and its verbs that no script of its own
 * ({@code PREFIX*.txt}) uses, and expects none.
 */
public final class ScriptCoverage {
  private static final Path SCRIPTS = Path.of("src/test/resources/scripts");

  private ScriptCoverage() {}

  /**
   * The codes from {@code first} to {@code last} (both null: none) not refused by a line {@code ->
   * REJECT CODE}, and the command verbs and expectations of {@code verbs} no line starts with, in
   * the scripts whose names start with {@code prefix}.
   */
  public static List<String> missing(
      String prefix, Rejection first, Rejection last, ScriptVerbs verbs) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".txt")) {
          all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    String scripts = all.toString();
    List<String> missing = new ArrayList<>();
    for (Rejection r : Rejection.values()) {
      if (first != null
          && r.ordinal() >= first.ordinal()
          && r.ordinal() <= last.ordinal()
          && !scripts.contains("-> REJECT " + r.code() + "\n")) {
        missing.add(r.code());
      }
    }
    for (String verb : verbs.commands().keySet()) {
      if (!scripts.contains("\n" + verb + " ")) {
        missing.add(verb);
      }
    }
    for (String verb : verbs.expectations().keySet()) {
      if (!scripts.contains("\nexpect " + verb + " ")) {
        missing.add("expect " + verb);
      }
    }
    return missing;
  }
}
