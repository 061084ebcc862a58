package org.computecap.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CSV text into rows of trimmed fields with their line numbers, with jackson-dataformat-csv:
 * standard quoting ({@code "Lab, Inc."}, doubled quotes inside), blank lines skipped, a UTF-8 byte
 * order mark ignored. Line numbers count from 1 at the header, so an error can point a person at
 * the line to fix.
 */
public final class CsvRows {
  private static final CsvMapper MAPPER =
      CsvMapper.builder()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.TRIM_SPACES)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .build();

  /** One row: its 1-based line number and its fields. */
  public record Row(int line, List<String> fields) {}

  private CsvRows() {}

  /**
   * The rows of {@code text}, header first.
   *
   * @throws IllegalArgumentException naming {@code source} and the line when the text is not CSV
   *     (an unclosed quote)
   */
  public static List<Row> read(String source, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Row> rows = new ArrayList<>();
    try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(body)) {
      while (true) {
        int line = -1;
        String[] fields;
        try {
          if (!it.hasNextValue()) {
            break;
          }
          // Once the row's first token is read, the location is on the line the row starts on.
          line = it.getParser().currentLocation().getLineNr();
          fields = it.nextValue();
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(
              source
                  + " line "
                  + (line > 0 ? line : e.getLocation().getLineNr())
                  + ": not valid CSV: "
                  + e.getOriginalMessage(),
              e);
        }
        if (fields.length == 1 && fields[0].isEmpty()) {
          continue;
        }
        rows.add(new Row(line, Arrays.asList(fields)));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": cannot read CSV: " + e.getMessage(), e);
    }
    return rows;
  }
}
