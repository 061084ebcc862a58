package org.computecap.engine.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.computecap.engine.command.OrderType;

/**
 * The shared benchmark order flow ({@code seq,account,side,type,price,quantity}, gzip CSV) loaded
 * into primitive arrays, so that a throughput run measures matching, not parsing. {@code GTC} maps
 * to a {@link OrderType#LIMIT} order.
 */
final class OrderFlow {
  static final Path DEFAULT = Path.of("/work/shared/bench/orderflow-1m.csv.gz");

  final int size;
  final long[] seqs;
  final long[] accounts;
  final boolean[] buys;
  final OrderType[] types;
  final long[] prices;
  final long[] quantities;

  private OrderFlow(int capacity) {
    seqs = new long[capacity];
    accounts = new long[capacity];
    buys = new boolean[capacity];
    types = new OrderType[capacity];
    prices = new long[capacity];
    quantities = new long[capacity];
    size = capacity;
  }

  static OrderFlow load(Path file) throws IOException {
    int lines = 0;
    try (BufferedReader in = reader(file)) {
      in.readLine();
      while (in.readLine() != null) {
        lines++;
      }
    }
    OrderFlow flow = new OrderFlow(lines);
    try (BufferedReader in = reader(file)) {
      String header = in.readLine();
      if (!"seq,account,side,type,price,quantity".equals(header)) {
        throw new IllegalArgumentException("unexpected header: " + header);
      }
      for (int i = 0; i < lines; i++) {
        String[] f = in.readLine().split(",", -1);
        flow.seqs[i] = Long.parseLong(f[0]);
        flow.accounts[i] = Long.parseLong(f[1]);
        flow.buys[i] =
            switch (f[2]) {
              case "BUY" -> true;
              case "SELL" -> false;
              default -> throw new IllegalArgumentException("side at line " + (i + 2));
            };
        flow.types[i] =
            switch (f[3]) {
              case "GTC", "LIMIT" -> OrderType.LIMIT;
              case "IOC" -> OrderType.IOC;
              case "MARKET" -> OrderType.MARKET;
              default -> throw new IllegalArgumentException("type at line " + (i + 2));
            };
        flow.prices[i] = Long.parseLong(f[4]);
        flow.quantities[i] = Long.parseLong(f[5]);
      }
    }
    return flow;
  }

  private static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII),
        1 << 16);
  }
}
