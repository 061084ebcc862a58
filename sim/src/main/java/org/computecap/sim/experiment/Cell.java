package org.computecap.sim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One point of an experiment's design: its index (design order, from 0) and one value per factor,
 * in the experiment's factor order.
 */
public record Cell(int index, List<JsonNode> values) {
  public Cell {
    values = List.copyOf(values);
  }
}
