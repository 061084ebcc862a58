package org.computecap.sim.report;

import java.util.List;
import java.util.Locale;

/**
 * Minimal inline SVG charts for the report, written by hand so that report.html has no script, no
 * font and no network dependency and opens the same everywhere (offline, in a paper's supplementary
 * material). Non-finite values are left out of a line, never drawn as 0.
 */
final class Svg {
  static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
  private static final int W = 640;
  private static final int H = 300;
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 60;

  /** A named series of y values, one per x. */
  record Series(String name, double[] y, boolean dashed) {}

  private Svg() {}

  /** A line chart over x = 1..n labelled with {@code xs}. */
  static String lines(String title, String yLabel, int[] xs, List<Series> series) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : s.y()) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!Double.isFinite(lo)) {
      lo = 0;
      hi = 1;
    }
    if (lo > 0 && lo < 0.5 * hi) {
      lo = 0;
    }
    double pad = hi > lo ? 0.08 * (hi - lo) : Math.max(1e-9, Math.abs(hi) * 0.1 + 1e-9);
    lo -= lo == 0 ? 0 : pad;
    hi += pad;
    StringBuilder sb = open(title);
    axes(sb, yLabel, lo, hi);
    int n = xs.length;
    for (int j = 0; j < n; j++) {
      double x = xAt(j, n);
      sb.append(text(x, H - BOTTOM + 16, String.valueOf(xs[j]), "middle", 11));
    }
    sb.append(text(LEFT + (W - LEFT - RIGHT) / 2.0, H - BOTTOM + 32, "period", "middle", 11));
    for (int s = 0; s < series.size(); s++) {
      Series ser = series.get(s);
      String color = COLORS[s % COLORS.length];
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (int j = 0; j < Math.min(n, ser.y().length); j++) {
        double v = ser.y()[j];
        if (!Double.isFinite(v)) {
          pen = false;
          continue;
        }
        path.append(pen ? " L" : " M").append(f(xAt(j, n))).append(',').append(f(yAt(v, lo, hi)));
        pen = true;
        sb.append("<circle cx=\"")
            .append(f(xAt(j, n)))
            .append("\" cy=\"")
            .append(f(yAt(v, lo, hi)))
            .append("\" r=\"2.5\" fill=\"")
            .append(color)
            .append("\"/>");
      }
      sb.append("<path d=\"")
          .append(path)
          .append("\" fill=\"none\" stroke=\"")
          .append(color)
          .append("\" stroke-width=\"2\"")
          .append(ser.dashed() ? " stroke-dasharray=\"6 4\"" : "")
          .append("/>");
      double lx = LEFT + 10 + s * ((W - LEFT - RIGHT) / (double) Math.max(1, series.size()));
      sb.append("<rect x=\"")
          .append(f(lx))
          .append("\" y=\"")
          .append(H - 18)
          .append("\" width=\"12\" height=\"4\" fill=\"")
          .append(color)
          .append("\"/>");
      sb.append(text(lx + 16, H - 12, ser.name(), "start", 11));
    }
    return sb.append("</svg>").toString();
  }

  /**
   * A bar chart of labelled values (positive up, negative down) on a signed logarithmic scale
   * {@code sign(v)·log10(1+|v|)}, so that a frontier lab paying millions and a small lab earning
   * thousands are both visible; ticks are labelled in the original units.
   */
  static String bars(
      String title, String yLabel, List<String> labels, double[] values, String[] colors) {
    double lo = 0;
    double hi = 0;
    for (double v : values) {
      lo = Math.min(lo, symlog(v));
      hi = Math.max(hi, symlog(v));
    }
    lo = Math.floor(lo);
    hi = Math.ceil(hi);
    if (hi == lo) {
      hi = lo + 1;
    }
    StringBuilder sb = open(title);
    sb.append("<line x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(TOP)
        .append("\" x2=\"")
        .append(LEFT)
        .append("\" y2=\"")
        .append(H - BOTTOM)
        .append("\" stroke=\"#333\"/>");
    int step = (int) Math.max(1, Math.ceil((hi - lo) / 8));
    for (int k = (int) lo; k <= hi; k += step) {
      double y = yAt(k, lo, hi);
      double v = Math.signum(k) * (Math.pow(10, Math.abs(k)) - 1);
      sb.append("<line x1=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(f(y))
          .append("\" x2=\"")
          .append(W - RIGHT)
          .append("\" y2=\"")
          .append(f(y))
          .append("\" stroke=\"")
          .append(k == 0 ? "#333" : "#ddd")
          .append("\"/>");
      sb.append(text(LEFT - 6, y + 4, k == 0 ? "0" : g(v), "end", 10));
    }
    sb.append("<text x=\"14\" y=\"")
        .append((H - BOTTOM + TOP) / 2)
        .append("\" font-size=\"11\" transform=\"rotate(-90 14 ")
        .append((H - BOTTOM + TOP) / 2)
        .append(")\" text-anchor=\"middle\">")
        .append(Html.escape(yLabel))
        .append("</text>");
    int n = values.length;
    double width = (W - LEFT - RIGHT) / (double) Math.max(1, n);
    double zero = yAt(0, lo, hi);
    for (int j = 0; j < n; j++) {
      double y = yAt(symlog(values[j]), lo, hi);
      sb.append("<rect x=\"")
          .append(f(LEFT + j * width + width * 0.1))
          .append("\" y=\"")
          .append(f(Math.min(y, zero)))
          .append("\" width=\"")
          .append(f(width * 0.8))
          .append("\" height=\"")
          .append(f(Math.abs(zero - y)))
          .append("\" fill=\"")
          .append(colors[j])
          .append("\"><title>")
          .append(Html.escape(labels.get(j)))
          .append(": ")
          .append(Html.escape(String.format(Locale.ROOT, "%,.0f", values[j])))
          .append("</title></rect>");
    }
    return sb.append("</svg>").toString();
  }

  static double symlog(double v) {
    return Math.signum(v) * Math.log10(1 + Math.abs(v));
  }

  /** A grid of coloured cells (a heatmap), value printed in each cell. */
  static String heatmap(
      String title, String xLabel, String yLabel, double[] xs, double[] ys, double[][] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : values) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    StringBuilder sb = open(title);
    double cw = (W - LEFT - RIGHT) / (double) xs.length;
    double ch = (H - TOP - BOTTOM) / (double) ys.length;
    for (int r = 0; r < ys.length; r++) {
      for (int c = 0; c < xs.length; c++) {
        double v = values[r][c];
        double t = hi > lo && Double.isFinite(v) ? (v - lo) / (hi - lo) : 0;
        String fill = Double.isFinite(v) ? shade(t) : "#eeeeee";
        double x = LEFT + c * cw;
        double y = H - BOTTOM - (r + 1) * ch;
        sb.append("<rect x=\"")
            .append(f(x))
            .append("\" y=\"")
            .append(f(y))
            .append("\" width=\"")
            .append(f(cw))
            .append("\" height=\"")
            .append(f(ch))
            .append("\" fill=\"")
            .append(fill)
            .append("\" stroke=\"#fff\"/>");
        sb.append(
            text(
                x + cw / 2,
                y + ch / 2 + 4,
                Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "n/a",
                "middle",
                10));
      }
      sb.append(text(LEFT - 6, H - BOTTOM - (r + 0.5) * ch + 4, g(ys[r]), "end", 10));
    }
    for (int c = 0; c < xs.length; c++) {
      sb.append(text(LEFT + (c + 0.5) * cw, H - BOTTOM + 14, g(xs[c]), "middle", 10));
    }
    sb.append(text(LEFT + (W - LEFT - RIGHT) / 2.0, H - BOTTOM + 32, xLabel, "middle", 11));
    sb.append("<text x=\"14\" y=\"")
        .append((H - BOTTOM + TOP) / 2)
        .append("\" font-size=\"11\" transform=\"rotate(-90 14 ")
        .append((H - BOTTOM + TOP) / 2)
        .append(")\" text-anchor=\"middle\">")
        .append(Html.escape(yLabel))
        .append("</text>");
    return sb.append("</svg>").toString();
  }

  private static String shade(double t) {
    int r = (int) Math.round(255 - t * (255 - 33));
    int g = (int) Math.round(255 - t * (255 - 102));
    int b = (int) Math.round(255 - t * (255 - 172));
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  private static StringBuilder open(String title) {
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(W)
        .append(' ')
        .append(H)
        .append("\" width=\"")
        .append(W)
        .append("\" height=\"")
        .append(H)
        .append("\" font-family=\"sans-serif\" role=\"img\"><title>")
        .append(Html.escape(title))
        .append("</title>");
    return sb;
  }

  private static void axes(StringBuilder sb, String yLabel, double lo, double hi) {
    sb.append("<line x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(TOP)
        .append("\" x2=\"")
        .append(LEFT)
        .append("\" y2=\"")
        .append(H - BOTTOM)
        .append("\" stroke=\"#333\"/>");
    sb.append("<line x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(H - BOTTOM)
        .append("\" x2=\"")
        .append(W - RIGHT)
        .append("\" y2=\"")
        .append(H - BOTTOM)
        .append("\" stroke=\"#333\"/>");
    for (int t = 0; t <= 4; t++) {
      double v = lo + (hi - lo) * t / 4.0;
      double y = yAt(v, lo, hi);
      sb.append("<line x1=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(f(y))
          .append("\" x2=\"")
          .append(W - RIGHT)
          .append("\" y2=\"")
          .append(f(y))
          .append("\" stroke=\"#ddd\"/>");
      sb.append(text(LEFT - 6, y + 4, g(v), "end", 10));
    }
    sb.append("<text x=\"14\" y=\"")
        .append((H - BOTTOM + TOP) / 2)
        .append("\" font-size=\"11\" transform=\"rotate(-90 14 ")
        .append((H - BOTTOM + TOP) / 2)
        .append(")\" text-anchor=\"middle\">")
        .append(Html.escape(yLabel))
        .append("</text>");
  }

  private static double xAt(int j, int n) {
    double span = W - LEFT - RIGHT - 20;
    return LEFT + 10 + (n <= 1 ? span / 2 : span * j / (n - 1));
  }

  private static double yAt(double v, double lo, double hi) {
    return H - BOTTOM - (v - lo) / (hi - lo) * (H - TOP - BOTTOM);
  }

  private static String text(double x, double y, String s, String anchor, int size) {
    return "<text x=\""
        + f(x)
        + "\" y=\""
        + f(y)
        + "\" font-size=\""
        + size
        + "\" text-anchor=\""
        + anchor
        + "\">"
        + Html.escape(s)
        + "</text>";
  }

  static String g(double v) {
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e6 || a < 1e-2)) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : "%.3g", v);
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
