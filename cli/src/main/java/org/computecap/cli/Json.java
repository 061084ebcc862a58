package org.computecap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * The {@code --json} output of the verbs: pretty-printed, with fields in the order the verb puts
 * them into an {@link ObjectNode} (insertion order), so the output is stable and diffable.
 */
final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static void print(PrintWriter out, ObjectNode node) {
    try {
      out.println(MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new AssertionError("a tree of plain nodes always serializes", e);
    }
    out.flush();
  }
}
