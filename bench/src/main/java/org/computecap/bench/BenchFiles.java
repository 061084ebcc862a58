package org.computecap.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where benchmarks keep their files: journals under {@code bench/target} of the repository (the
 * folder holding {@code mvnw}), or under the folder named by the system property {@code
 * computecap.bench.dir}. Found from the working directory, so the same jar works from the
 * repository root (run.sh) and from the module folder (Maven's tests).
 */
final class BenchFiles {
  static final String PROPERTY = "computecap.bench.dir";

  private BenchFiles() {}

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("mvnw")) && Files.isDirectory(d.resolve("engine"))) {
        return d;
      }
    }
    return dir;
  }

  static Path workDir() {
    String override = System.getProperty(PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return repositoryRoot().resolve("bench").resolve("target");
  }
}
