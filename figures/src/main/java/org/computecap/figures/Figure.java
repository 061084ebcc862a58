package org.computecap.figures;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * A finished chart, written as PNG (144 dpi, for a quick look and slides), as an SVG file (for
 * papers) or as SVG text to inline in a self-contained HTML page. XChart draws text as glyph
 * outlines, so the SVG looks the same without any font installed; the title also travels as the
 * SVG's {@code <title>} and {@code aria-label} for search and screen readers.
 *
 * <p>Build one with {@link LineChart}, {@link BarChart} or {@link HeatMap}.
 */
public final class Figure {
  static {
    // Charts are drawn off-screen: a server or CI machine has no display.
    System.setProperty("java.awt.headless", "true");
  }

  private static final Pattern LONG_DECIMAL = Pattern.compile("(\\d\\.\\d\\d)\\d+");
  private static final Pattern CLIP_ID = Pattern.compile("clip-?\\d+");

  private final IChart chart;
  private final String title;

  Figure(IChart chart, String title) {
    this.chart = chart;
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** Writes {@code dir/baseName.png} and {@code dir/baseName.svg}; returns both paths. */
  public List<Path> write(Path dir, String baseName) throws IOException {
    Files.createDirectories(dir);
    return List.of(
        writePng(dir.resolve(baseName + ".png")), writeSvg(dir.resolve(baseName + ".svg")));
  }

  public Path writePng(Path file) throws IOException {
    BitmapEncoder.saveBitmapWithDPI(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG, 144);
    return file;
  }

  public Path writeSvg(Path file) throws IOException {
    Files.writeString(
        file,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement("figure") + "\n",
        StandardCharsets.UTF_8);
    return file;
  }

  /**
   * The chart as an {@code <svg>} element to inline in HTML. Clip-path ids start with {@code
   * idPrefix}, so several charts on one page never clip each other (VectorGraphics2D numbers them
   * by identity hash, the same id can appear in two charts and changes from run to run).
   */
  public String svgElement(String idPrefix) {
    if (!idPrefix.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("idPrefix must be an XML name, was " + idPrefix);
    }
    String svg = rawSvg();
    svg = svg.substring(svg.indexOf("<svg"));
    svg = renumberClips(svg, idPrefix);
    if (!svg.contains("xlink:href")) {
      // Declared but unused: the page then names no address but the SVG namespace.
      svg = svg.replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
    }
    // Coordinates to 1/100 of a point: the files shrink by a third and nothing visible moves.
    svg = LONG_DECIMAL.matcher(svg).replaceAll("$1");
    int open = svg.indexOf('>') + 1;
    String head =
        svg.substring(0, open - 1)
            .replaceFirst(" height=\"[^\"]*\"", " height=\"" + chart.getHeight() + "\"")
            .replaceFirst(" width=\"[^\"]*\"", " width=\"" + chart.getWidth() + "\"");
    return head
        + " role=\"img\" aria-label=\""
        + escape(title)
        + "\"><title>"
        + escape(title)
        + "</title>"
        + svg.substring(open).strip();
  }

  /** The chart drawn into an image, as the PNG holds it at 72 dpi. */
  public BufferedImage image() {
    return BitmapEncoder.getBufferedImage(chart);
  }

  IChart chart() {
    return chart;
  }

  private String rawSvg() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new IllegalStateException("cannot draw " + title + " as SVG", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String renumberClips(String svg, String prefix) {
    java.util.Map<String, String> ids = new java.util.HashMap<>();
    Matcher m = CLIP_ID.matcher(svg);
    StringBuilder out = new StringBuilder(svg.length());
    while (m.find()) {
      String id = ids.computeIfAbsent(m.group(), k -> prefix + "-clip" + (ids.size() + 1));
      m.appendReplacement(out, id);
    }
    m.appendTail(out);
    return out.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
