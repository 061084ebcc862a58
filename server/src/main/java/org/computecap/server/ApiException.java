package org.computecap.server;

/**
 * An HTTP answer other than success, thrown from a handler and turned into the one error body
 * {@code {code, message, field}}. The status says which kind (400 malformed, 401 unauthenticated,
 * 403 not allowed, 404 unknown, 408 too slow, 409 business rejection, 413 too large, 503 stopped);
 * {@code code} is stable for clients (for 409 it is the engine's rejection code); {@code field}
 * names the offending input field, or is null.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String field;

  ApiException(int status, String code, String message, String field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  static ApiException badRequest(String field, String message) {
    return new ApiException(400, "MALFORMED_INPUT", message, field);
  }

  static ApiException unauthenticated() {
    return new ApiException(
        401,
        "UNAUTHENTICATED",
        "send a valid, unexpired, unrevoked API token as 'Authorization: Bearer TOKEN'",
        null);
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, "FORBIDDEN", message, null);
  }

  static ApiException notFound(String what) {
    return new ApiException(404, "NOT_FOUND", what, null);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The error body as it goes on the wire. */
  Views.Error body() {
    return new Views.Error(code, getMessage(), field);
  }
}
