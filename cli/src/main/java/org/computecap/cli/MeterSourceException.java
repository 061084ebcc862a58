package org.computecap.cli;

/**
 * The metering agent cannot read its energy source (no NVML, a missing file, a failing command): a
 * sentence for the operator, printed as one line, never a stack trace.
 */
final class MeterSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MeterSourceException(String message) {
    super(message);
  }

  MeterSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
