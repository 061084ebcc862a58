package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

class LoggingBindingTest {
  /**
   * The CLI's classpath once resolved slf4j-api 1.7 (from a test dependency, nearer in the tree)
   * beside slf4j-simple 2.0: no binding was found, every {@code serve} printed SLF4J's "Failed to
   * load class StaticLoggerBinder" and Javalin's "you don't have a logger" banner, and warnings
   * were dropped.
   */
  @Test
  void the_cli_logs_through_slf4j_simple_not_the_no_operation_fallback() {
    assertThat(LoggerFactory.getILoggerFactory())
        .isNotInstanceOf(NOPLoggerFactory.class)
        .isInstanceOf(org.slf4j.simple.SimpleLoggerFactory.class);
  }
}
