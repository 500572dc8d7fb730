package org.policysearch.search;

/** A query or parameter a person must fix; the message says what and how. */
public final class BadQueryException extends RuntimeException {
  private final String code;

  public BadQueryException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** "bad_query" or "bad_parameter". */
  public String code() {
    return code;
  }
}
