package org.policysearch.web;

import io.javalin.http.Context;
import java.util.List;
import org.policysearch.search.BadQueryException;

/** Query parameters read strictly: a value that is not what the API documents is a 400 naming the parameter. */
final class Params {
  /** Longest query accepted; longer ones are a bad query, not a slow one. */
  static final int MAX_QUERY = 1000;
  private static final int MAX_VALUE = 2000;

  private Params() {}

  static String string(Context ctx, String name) {
    List<String> values = ctx.queryParams(name);
    if (values.isEmpty()) return null;
    if (values.size() > 1) throw bad(name + " is given " + values.size() + " times; give it once.");
    String v = values.get(0);
    if (v.length() > MAX_VALUE) throw bad(name + " is too long (" + v.length() + " characters).");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') throw bad(name + " contains a control character.");
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1));
        if (!paired) throw bad(name + " contains an invalid character (a lone surrogate).");
        i++;
      }
    }
    return v;
  }

  /** The query: at most {@link #MAX_QUERY} characters. */
  static String query(Context ctx) {
    String q = string(ctx, "q");
    if (q != null && q.length() > MAX_QUERY) {
      throw new BadQueryException("bad_query", "The query is " + q.length() + " characters long; the limit is " + MAX_QUERY + ".");
    }
    return q;
  }

  static int integer(Context ctx, String name, int def, int min, int max) {
    String v = string(ctx, name);
    if (v == null || v.isEmpty()) return def;
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw bad(name + " must be a whole number between " + min + " and " + max + ", not '" + shorten(v) + "'.");
    }
    if (n < min || n > max) throw bad(name + " must be between " + min + " and " + max + ", not " + n + ".");
    return n;
  }

  /** A whole number between min and max, or null when the parameter is absent. */
  static Integer optionalInteger(Context ctx, String name, int min, int max) {
    String v = string(ctx, name);
    return v == null || v.isEmpty() ? null : integer(ctx, name, min, min, max);
  }

  static boolean bool(Context ctx, String name, boolean def) {
    String v = string(ctx, name);
    if (v == null || v.isEmpty()) return def;
    return switch (v.strip()) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw bad(name + " must be true or false, not '" + shorten(v) + "'.");
    };
  }

  private static String shorten(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }

  static BadQueryException bad(String message) {
    return new BadQueryException("bad_parameter", message);
  }
}
