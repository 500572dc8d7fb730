package org.policysearch.search;

import java.io.IOException;

/** The index was found damaged: nothing is answered from it until it is rebuilt (HTTP 503, exit code 3). */
public final class IndexDamagedException extends IOException {
  public IndexDamagedException(String message) {
    super(message);
  }
}
