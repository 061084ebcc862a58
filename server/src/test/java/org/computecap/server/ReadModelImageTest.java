package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.computecap.engine.Event;
import org.computecap.engine.compliance.AuditFindingRecorded;
import org.computecap.engine.compliance.ComplianceAssessed;
import org.computecap.engine.compliance.EvaluationRecorded;
import org.computecap.engine.compliance.InsurerEvaluationRecorded;
import org.computecap.engine.compliance.MeterReadingRecorded;
import org.computecap.engine.compliance.PenaltyPaid;
import org.computecap.engine.compliance.ReportSubmitted;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.registry.PermitsSurrendered;
import org.junit.jupiter.api.Test;

/**
 * Every kind of history row survives a state snapshot's image as the same event record, and an
 * image that names a class which is not an event is refused (so the snapshot is ignored).
 */
class ReadModelImageTest {
  private static final List<Class<? extends Event>> ROW_EVENTS =
      List.of(
          ReportSubmitted.class,
          MeterReadingRecorded.class,
          EvaluationRecorded.class,
          InsurerEvaluationRecorded.class,
          PermitsSurrendered.class,
          ComplianceAssessed.class,
          AuditFindingRecorded.class,
          PenaltyPaid.class);

  @Test
  void every_history_row_event_reads_back_equal() throws Exception {
    for (Class<? extends Event> type : ROW_EVENTS) {
      Event e = sample(type);
      ReadModel.Row row = new ReadModel.Row(7, 3, 123_456, e);
      assertThat(ReadModelImage.load(ReadModelImage.save(row))).as(type.getName()).isEqualTo(row);
    }
  }

  @Test
  void a_row_naming_a_class_that_is_not_an_event_is_refused() {
    ReadModelImage.SavedRow bad =
        new ReadModelImage.SavedRow(
            1, 1, 1, "java.lang.Thread", JsonNodeFactory.instance.objectNode());
    assertThatThrownBy(() -> ReadModelImage.load(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an event");
  }

  /** An instance with distinct small values in every component (the last constant of enums). */
  private static Event sample(Class<? extends Event> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Class<?> t = components[i].getType();
      types[i] = t;
      if (t == long.class) {
        values[i] = 10L + i;
      } else if (t == int.class) {
        values[i] = 1;
      } else if (t.isEnum()) {
        Object[] constants = t.getEnumConstants();
        values[i] = constants[constants.length - 1];
      } else if (t == RiskSignal.class) {
        // A class beyond P2's L and H (issue 18) travels by name.
        values[i] = RiskSignal.valueOf("M");
      } else {
        throw new AssertionError("no sample for " + t + " in " + type);
      }
    }
    Constructor<? extends Event> c = type.getDeclaredConstructor(types);
    return c.newInstance(values);
  }
}
