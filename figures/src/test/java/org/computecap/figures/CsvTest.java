package org.computecap.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  record Row(String name, long cents, double share) {}

  static CsvTable<Row> table() {
    return CsvTable.<Row>of()
        .key("name", Row::name)
        .whole("cash_cents", Row::cents)
        .number("compliance_share", Row::share)
        .number("a_long_column_name_of_thirty_share", Row::share);
  }

  @Test
  void a_measured_column_must_name_its_unit() {
    assertThatThrownBy(() -> CsvTable.<Row>of().number("clearingPrice", Row::share))
        .hasMessageContaining("snake_case");
    assertThatThrownBy(() -> CsvTable.<Row>of().number("clearing_price", Row::share))
        .hasMessageContaining("must end with its unit")
        .hasMessageContaining("_cents");
    assertThat(CsvTable.<Row>of().number("b_utils_per_unit", Row::share).header())
        .containsExactly("b_utils_per_unit");
    assertThat(CsvTable.<Row>of().number("permits", Row::share).header())
        .containsExactly("permits");
    assertThatThrownBy(() -> CsvTable.<Row>of().number("b_per_unit", Row::share))
        .hasMessageContaining("must end with its unit");
    assertThatThrownBy(() -> table().whole("cash_cents", Row::cents))
        .hasMessageContaining("appears twice");
  }

  @Test
  void the_measured_columns_are_numbers_in_the_tables_order_without_the_keys() {
    List<CsvTable.Measure<Row>> measures = table().measures();
    assertThat(measures)
        .extracting(CsvTable.Measure::name)
        .containsExactly("cash_cents", "compliance_share", "a_long_column_name_of_thirty_share");
    assertThat(measures).extracting(CsvTable.Measure::whole).containsExactly(true, false, false);
    Row row = new Row("Lab", -123_456, 0.25);
    assertThat(measures.get(0).value().applyAsDouble(row)).isEqualTo(-123_456.0);
    assertThat(measures.get(1).value().applyAsDouble(row)).isEqualTo(0.25);
  }

  @Test
  void cells_are_quoted_the_standard_way_and_numbers_written_in_full() {
    String csv =
        table()
            .text(
                List.of(
                    new Row("Lab, Inc.", 123_456, 0.25),
                    new Row("say \"hi\"", -5, Double.NaN),
                    new Row("big", 0, 1.5e13)));
    assertThat(csv.lines().toList())
        .containsExactly(
            "name,cash_cents,compliance_share,a_long_column_name_of_thirty_share",
            "\"Lab, Inc.\",123456,0.25,0.25",
            "\"say \"\"hi\"\"\",-5,,",
            "big,0,15000000000000,15000000000000");
  }

  @Test
  void rows_streamed_to_a_file_are_the_same_as_the_table_written_at_once(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    List<Row> rows = List.of(new Row("a, b", 1, 0.5), new Row("c", 2, Double.NaN));
    try (CsvTable.Rows<Row> out = table().open(dir.resolve("t.csv"))) {
      rows.forEach(out::write);
    }
    assertThat(java.nio.file.Files.readString(dir.resolve("t.csv"))).isEqualTo(table().text(rows));
  }

  @Test
  void what_is_written_reads_back_field_for_field_with_line_numbers() {
    String csv = table().text(List.of(new Row("Lab, Inc.", 1, 0.5), new Row("b", 2, 1)));
    List<CsvRows.Row> rows = CsvRows.read("t.csv", csv);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).fields()).containsExactly("Lab, Inc.", "1", "0.5", "0.5");
    assertThat(rows.get(2).line()).isEqualTo(3);
  }

  @Test
  void quoted_fields_blank_lines_and_a_byte_order_mark_are_read() {
    String text = "\uFEFFid,family\n\n\"frontier, a\", power \n\"x \"\"y\"\"\",log\n";
    List<CsvRows.Row> rows = CsvRows.read("p.csv", text);
    assertThat(rows).extracting(CsvRows.Row::line).containsExactly(1, 3, 4);
    assertThat(rows.get(0).fields()).containsExactly("id", "family");
    assertThat(rows.get(1).fields()).containsExactly("frontier, a", "power");
    assertThat(rows.get(2).fields()).containsExactly("x \"y\"", "log");
  }

  @Test
  void an_unclosed_quote_is_refused_naming_the_file_and_line() {
    assertThatThrownBy(() -> CsvRows.read("p.csv", "id,family\na,power\n\"b,log\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("p.csv line 3")
        .hasMessageContaining("not valid CSV");
  }
}
