package org.computecap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's determinism rules, checked on its source code (comments and string literals
 * removed): no floating point, no clock, threads or unseeded randomness anywhere in the engine, and
 * file or network I/O only at its edge (journal files, script files, program files).
 */
class HouseRulesTest {
  private static final Path MAIN = Path.of("src/main/java/org/computecap/engine");
  private static final Set<String> EDGE_PACKAGES = Set.of("journal", "script", "program");

  @Test
  void the_engine_has_no_floating_point() throws IOException {
    assertThat(violations(Pattern.compile("\\b(double|float|Double|Float)\\b"), Set.of()))
        .isEmpty();
  }

  @Test
  void the_engine_reads_no_clock_starts_no_thread_and_draws_no_unseeded_random_number()
      throws IOException {
    Pattern forbidden =
        Pattern.compile(
            "\\b(System\\.currentTimeMillis|System\\.nanoTime"
                + "|Math\\.random|java\\.util\\.Random|new Random|ThreadLocalRandom|SecureRandom"
                + "|new Thread|ExecutorService|CompletableFuture|Instant\\.now|LocalDate(Time)?\\.now"
                + "|Clock\\.system)\\b");
    assertThat(violations(forbidden, Set.of())).isEmpty();
  }

  @Test
  void only_the_edge_of_the_engine_does_io() throws IOException {
    Pattern io =
        Pattern.compile(
            "\\b(java\\.io\\.File\\b|java\\.nio\\.file|java\\.nio\\.channels"
                + "|java\\.net|FileInputStream|FileOutputStream|System\\.(out|err|in)\\b)");
    assertThat(violations(io, EDGE_PACKAGES)).isEmpty();
  }

  @Test
  void the_source_stripper_removes_comments_and_strings_but_keeps_code() {
    String code =
        "int a; // double\n/* float */ String s = \"double\"; char c = '\"';\n"
            + "String t = \"\"\"\n  Double\n  \"\"\"; long d;";
    String stripped = strip(code);
    assertThat(stripped)
        .doesNotContain("double")
        .doesNotContain("float")
        .doesNotContain("Double")
        .contains("int a;")
        .contains("long d;");
  }

  private static List<String> violations(Pattern pattern, Set<String> allowedPackages)
      throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Path relative = MAIN.relativize(file);
        if (relative.getNameCount() > 1
            && allowedPackages.contains(relative.getName(0).toString())) {
          continue;
        }
        Matcher m = pattern.matcher(strip(Files.readString(file, StandardCharsets.UTF_8)));
        while (m.find()) {
          found.add(relative + ": " + m.group());
        }
      }
    }
    return found;
  }

  /** Java source without comments, string, text-block and char literals. */
  static String strip(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (src.startsWith("//", i)) {
        i = src.indexOf('\n', i);
        i = i < 0 ? n : i;
      } else if (src.startsWith("/*", i)) {
        int end = src.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && src.charAt(j) != c) {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
