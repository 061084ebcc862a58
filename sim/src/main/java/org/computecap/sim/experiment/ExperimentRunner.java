package org.computecap.sim.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.computecap.sim.scenario.ScenarioTree;

/**
 * Plans an experiment's runs, runs those not already done on an executor, and writes runs.csv and
 * the cell summaries. Each finished run is stored at once as its own file under {@code parts/}
 * (written to a temporary name and moved into place, so a crash never leaves half a run), which is
 * what lets a re-run resume; runs.csv is then assembled in plan order (cell, then replication), so
 * its bytes depend only on the experiment, never on threads, executor or completion order.
 *
 * <p>The plan's fingerprint (SHA-256 of the header and of every run's key, seed and self-contained
 * scenario) is stored in {@code parts/PLAN}; a re-run whose plan differs (the experiment file, its
 * scenario or a program changed) is refused rather than mixing old runs with new ones, unless the
 * caller asks to restart.
 */
public final class ExperimentRunner {
  static final String PARTS = "parts";
  static final String PLAN = "PLAN";

  /** Hears of progress; calls come from one thread at a time. */
  public interface Listener {
    void started(int total, int alreadyDone, String executor);

    void runDone();

    Listener SILENT =
        new Listener() {
          @Override
          public void started(int total, int alreadyDone, String executor) {}

          @Override
          public void runDone() {}
        };
  }

  private ExperimentRunner() {}

  /** The runs of {@code e} in plan order, with their row prefixes and self-contained scenarios. */
  public static List<RunTask> plan(Experiment e) {
    List<String> metricNames = e.metrics().stream().map(Metric::name).toList();
    List<RunTask> tasks = new ArrayList<>();
    for (Cell c : e.cells()) {
      ScenarioTree cellTree = e.tree(c);
      StringBuilder values = new StringBuilder();
      for (var v : c.values()) {
        values.append(',').append(Csv.field(Factor.text(v)));
      }
      for (int r = 0; r < e.replications(); r++) {
        long seed = e.seed(c.index(), r);
        String yaml =
            cellTree
                .with("seed", com.fasterxml.jackson.databind.node.LongNode.valueOf(seed), null)
                .selfContainedYaml();
        String prefix = c.index() + "," + r + "," + seed + values;
        tasks.add(new RunTask(c.index(), r, seed, yaml, prefix, metricNames));
      }
    }
    return tasks;
  }

  /** The header of runs.csv. */
  public static String header(Experiment e) {
    StringBuilder sb = new StringBuilder("cell,replication,seed");
    for (Factor f : e.factors()) {
      sb.append(',').append(Csv.field(f.name()));
    }
    sb.append(",period");
    for (Metric m : e.metrics()) {
      sb.append(',').append(m.name());
    }
    return sb.append('\n').toString();
  }

  /**
   * Runs {@code e} into {@code out}: resumes from runs stored there by the same plan, refuses a
   * folder of another plan unless {@code restart}, writes runs.csv, cells.csv and cell-periods.csv.
   */
  public static ExperimentResult run(
      Experiment e, Path out, RunExecutor executor, boolean restart, Listener listener) {
    List<RunTask> tasks = plan(e);
    String header = header(e);
    String fingerprint = fingerprint(header, tasks);
    Path parts = out.resolve(PARTS);
    try {
      Set<String> done = prepare(out, parts, fingerprint, restart, tasks.size());
      List<RunTask> pending = new ArrayList<>();
      for (RunTask t : tasks) {
        if (!done.contains(t.key())) {
          pending.add(t);
        }
      }
      listener.started(tasks.size(), tasks.size() - pending.size(), executor.describe());
      executor.execute(
          pending,
          rows -> {
            store(parts, rows);
            listener.runDone();
          });
      StringBuilder csv = new StringBuilder(header);
      for (RunTask t : tasks) {
        Path part = parts.resolve(t.key() + ".csv");
        if (!Files.isRegularFile(part)) {
          throw new IllegalStateException("the executor returned no result for run " + t.key());
        }
        csv.append(Files.readString(part, StandardCharsets.UTF_8));
      }
      writeAtomically(out.resolve("runs.csv"), csv.toString());
      ExperimentResult result = ExperimentResult.of(e, csv.toString());
      writeAtomically(out.resolve("cells.csv"), result.cellsCsv());
      writeAtomically(out.resolve("cell-periods.csv"), result.cellPeriodsCsv());
      return result;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static String fingerprint(String header, List<RunTask> tasks) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(header.getBytes(StandardCharsets.UTF_8));
      for (RunTask t : tasks) {
        String line = t.key() + "\n" + t.seed() + "\n" + t.rowPrefix() + "\n" + t.scenarioYaml();
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException ex) {
      throw new AssertionError("SHA-256 is missing from this JVM", ex);
    }
  }

  /** The keys already done for this plan; refuses a folder that holds something else. */
  private static Set<String> prepare(
      Path out, Path parts, String fingerprint, boolean restart, int runs) throws IOException {
    Path plan = parts.resolve(PLAN);
    if (Files.isDirectory(out)
        && !Files.isRegularFile(plan)
        && !empty(out)
        && !Files.isRegularFile(out.resolve("runs.csv"))) {
      throw new IllegalArgumentException(
          "--out " + out + " is not empty and holds no experiment; choose an empty or new folder");
    }
    Set<String> done = new LinkedHashSet<>();
    if (Files.isRegularFile(plan)) {
      String stored = Files.readString(plan, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      List<Path> files = partFiles(parts);
      if (!stored.equals(fingerprint)) {
        if (!restart && !files.isEmpty()) {
          throw new IllegalArgumentException(
              "--out "
                  + out
                  + " holds "
                  + files.size()
                  + " runs of a different plan (the "
                  + "experiment file, its scenario or a program changed since); rerun with "
                  + "--restart to discard them, or choose another --out");
        }
        for (Path f : files) {
          Files.delete(f);
        }
      } else if (restart) {
        for (Path f : files) {
          Files.delete(f);
        }
      } else {
        for (Path f : files) {
          String name = f.getFileName().toString();
          done.add(name.substring(0, name.length() - ".csv".length()));
        }
      }
    }
    Files.createDirectories(parts);
    writeAtomically(plan, fingerprint + "\n" + runs + " runs\n");
    return done;
  }

  private static List<Path> partFiles(Path parts) throws IOException {
    try (Stream<Path> s = Files.list(parts)) {
      return s.filter(p -> p.getFileName().toString().matches("c[0-9]{6}-r[0-9]{4}\\.csv"))
          .sorted()
          .toList();
    }
  }

  private static boolean empty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void store(Path parts, RunRows rows) {
    try {
      writeAtomically(parts.resolve(rows.key() + ".csv"), rows.csv());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
