package org.computecap.server;

/**
 * An HTTP answer other than success, thrown from a handler and turned into the one error body
 * {@code {code, message, field}}. The status says which kind (400 malformed, 401 unauthenticated,
 * 403 not allowed, 404 unknown, 408 too slow, 409 business rejection, 413 too large, 429 too many
 * failed attempts, 503 stopped); {@code code} is stable for clients (for 409 it is the engine's
 * rejection code); {@code field} names the offending input field, or is null.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String field;
  private final long retryAfterSeconds;

  ApiException(int status, String code, String message, String field) {
    this(status, code, message, field, 0);
  }

  private ApiException(
      int status, String code, String message, String field, long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 429: too many failed attempts; the answer carries {@code Retry-After: seconds}. */
  static ApiException tooManyAttempts(String message, long seconds) {
    return new ApiException(429, "TOO_MANY_ATTEMPTS", message, null, seconds);
  }

  /** Seconds for a {@code Retry-After} header, or 0 for none. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
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
