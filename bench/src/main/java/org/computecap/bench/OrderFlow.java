package org.computecap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The shared benchmark order flow ({@code seq,account,side,type,price,quantity}, gzip CSV) in
 * primitive arrays, so that a run measures matching, not parsing, and both engines read exactly the
 * same orders. {@code GTC} and {@code LIMIT} are resting limit orders.
 *
 * <p>The file is {@code ../shared/bench/orderflow-1m.csv.gz} relative to the repository root (the
 * folder holding {@code mvnw}; from a worktree one level deeper, the nearest ancestor's {@code
 * shared/bench}), or the path in the system property {@code computecap.orderflow}. {@link
 * #synthetic} builds a flow of the same shape from a seed, for the quick mode, which must not
 * depend on files outside the checkout.
 */
final class OrderFlow {
  static final String PROPERTY = "computecap.orderflow";
  static final String SHARED_NAME = "shared/bench/orderflow-1m.csv.gz";
  static final String SHARED = "../" + SHARED_NAME;
  static final String HEADER = "seq,account,side,type,price,quantity";

  final int size;
  final long[] ids;
  final int[] accounts;
  final boolean[] buys;
  final boolean[] iocs;
  final long[] prices;
  final long[] quantities;

  private OrderFlow(int size) {
    this.size = size;
    ids = new long[size];
    accounts = new int[size];
    buys = new boolean[size];
    iocs = new boolean[size];
    prices = new long[size];
    quantities = new long[size];
  }

  /** The highest account number in the flow; accounts are 1..maxAccount. */
  int maxAccount() {
    int max = 0;
    for (int a : accounts) {
      max = Math.max(max, a);
    }
    return max;
  }

  /** The shared flow's path: the system property, else relative to the repository root. */
  static Path sharedPath() {
    String override = System.getProperty(PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    Path root = BenchFiles.repositoryRoot();
    for (Path d = root.getParent(); d != null; d = d.getParent()) {
      Path candidate = d.resolve(SHARED_NAME);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return root.resolve(SHARED).normalize();
  }

  /** Reads at most {@code limit} orders of a flow file. */
  static OrderFlow load(Path file, int limit) throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    int lines = 0;
    try (BufferedReader in = reader(file)) {
      in.readLine();
      while (lines < limit && in.readLine() != null) {
        lines++;
      }
    }
    OrderFlow flow = new OrderFlow(lines);
    try (BufferedReader in = reader(file)) {
      String header = in.readLine();
      if (!HEADER.equals(header)) {
        throw new IllegalArgumentException(file + ": header must be " + HEADER + ", got " + header);
      }
      for (int i = 0; i < lines; i++) {
        flow.parse(i, in.readLine());
      }
    }
    return flow;
  }

  private void parse(int i, String line) {
    String[] f = line.split(",", -1);
    int lineNo = i + 2;
    if (f.length != 6) {
      throw new IllegalArgumentException("line " + lineNo + ": expected 6 fields, got " + f.length);
    }
    ids[i] = Long.parseLong(f[0]);
    accounts[i] = Integer.parseInt(f[1]);
    buys[i] =
        switch (f[2]) {
          case "BUY" -> true;
          case "SELL" -> false;
          default ->
              throw new IllegalArgumentException(
                  "line " + lineNo + ": side must be BUY or SELL, got " + f[2]);
        };
    iocs[i] =
        switch (f[3]) {
          case "GTC", "LIMIT" -> false;
          case "IOC" -> true;
          default ->
              throw new IllegalArgumentException(
                  "line " + lineNo + ": type must be GTC, LIMIT or IOC, got " + f[3]);
        };
    prices[i] = Long.parseLong(f[4]);
    quantities[i] = Long.parseLong(f[5]);
    if (accounts[i] < 1 || prices[i] < 1 || quantities[i] < 1) {
      throw new IllegalArgumentException(
          "line " + lineNo + ": account, price and quantity must be >= 1");
    }
  }

  private static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII),
        1 << 16);
  }

  /**
   * A flow of the shared file's shape: half resting limit orders 1 to 20 ticks off a mid of 100,000
   * on the passive side, half IOC orders 20 ticks through the mid, quantities 1 to 10, accounts
   * 1..accounts, ids 1..size.
   */
  static OrderFlow synthetic(int size, int accounts, long seed) {
    if (size < 1 || accounts < 1) {
      throw new IllegalArgumentException("size and accounts must be >= 1");
    }
    Random random = new Random(seed);
    OrderFlow flow = new OrderFlow(size);
    long mid = 100_000;
    for (int i = 0; i < size; i++) {
      boolean buy = random.nextBoolean();
      boolean ioc = random.nextBoolean();
      flow.ids[i] = i + 1L;
      flow.accounts[i] = 1 + random.nextInt(accounts);
      flow.buys[i] = buy;
      flow.iocs[i] = ioc;
      long offset = ioc ? 20 : 1 + random.nextInt(20);
      boolean above = buy == ioc;
      flow.prices[i] = above ? mid + offset : mid - offset;
      flow.quantities[i] = 1 + random.nextInt(10);
    }
    return flow;
  }
}
