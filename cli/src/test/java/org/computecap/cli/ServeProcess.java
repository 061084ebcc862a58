package org.computecap.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code computecap serve} in a JVM of its own, as an operator runs it: started on a data
 * directory, stopped with SIGTERM (a clean stop, which writes the last checkpoint) or found to have
 * refused to start, with everything it printed.
 */
final class ServeProcess implements AutoCloseable {
  static final String TOKEN = "journal-guarantees-regulator-token-0123456789";
  private static final Pattern SERVING = Pattern.compile("serving on http://127.0.0.1:(\\d+)/");

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
  private final int port;
  private final Thread reader;

  private ServeProcess(Process process) throws InterruptedException {
    this.process = process;
    reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                  fresh.add(line);
                }
              } catch (IOException e) {
                lines.add("output closed: " + e.getMessage());
              }
              fresh.add("");
            });
    reader.setDaemon(true);
    reader.start();
    this.port = awaitPortOrExit();
  }

  /** Starts {@code computecap serve --data DIR --port 0}; returns once it serves or has exited. */
  static ServeProcess start(Path dataDir) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "org.computecap.cli.Main",
            "serve",
            "--data",
            dataDir.toString(),
            "--port",
            "0",
            "--program",
            Path.of("..", "examples", "programs", "p2-risk-weighted.yaml")
                .toAbsolutePath()
                .toString());
    pb.environment().put("COMPUTECAP_REGULATOR_TOKEN", TOKEN);
    pb.redirectErrorStream(true);
    return new ServeProcess(pb.start());
  }

  private int awaitPortOrExit() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String line = fresh.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      if (!process.isAlive() && fresh.isEmpty()) {
        process.waitFor();
        return -1;
      }
    }
    throw new AssertionError("serve neither served nor exited within 90 s:\n" + output());
  }

  /** The port it serves on, or -1 when it refused to start. */
  int port() {
    return port;
  }

  /** Everything it printed so far, stdout and stderr. */
  String output() {
    return String.join("\n", lines);
  }

  /** Its exit code, after waiting for it to end. */
  int exitCode() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("serve did not exit:\n" + output());
    }
    // The reader ends at the end of the output, which comes once the process has exited.
    reader.join(TimeUnit.SECONDS.toMillis(30));
    return process.exitValue();
  }

  /** A clean stop (SIGTERM): the server finishes, writes its last checkpoint and exits. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
