package org.policysearch.search;

/** An unknown document, term or anchor. */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
