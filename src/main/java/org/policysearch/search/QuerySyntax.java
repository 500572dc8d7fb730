package org.policysearch.search;

import org.apache.lucene.queryparser.classic.ParseException;

/**
 * The query text before and after Lucene's classic parser: '/' made plain punctuation, unbalanced
 * quotes and brackets found first (the parser's own messages are hard to read), and the parser's
 * errors told in words a person understands.
 */
final class QuerySyntax {
  private QuerySyntax() {}

  /** '/' starts a regular expression in the classic syntax; here it is just punctuation. */
  static String escapeSlashes(String q) {
    StringBuilder b = new StringBuilder(q.length());
    boolean inQuote = false;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\' && i + 1 < q.length()) {
        b.append(c).append(q.charAt(++i));
        continue;
      }
      if (c == '"') inQuote = !inQuote;
      if (c == '/' && !inQuote) b.append('\\');
      b.append(c);
    }
    return b.toString();
  }

  /** Unbalanced quotes and brackets, found before the parser's less readable messages; null when balanced. */
  static String checkBalance(String q) {
    boolean inQuote = false;
    int paren = 0, square = 0, curly = 0;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '"') {
        inQuote = !inQuote;
        continue;
      }
      if (inQuote) continue;
      switch (c) {
        case '(' -> paren++;
        case ')' -> paren--;
        case '[' -> square++;
        case ']' -> square--;
        case '{' -> curly++;
        case '}' -> curly--;
        default -> { }
      }
      if (paren < 0) return "There is a ')' without a matching '('.";
      if (square < 0 || curly < 0) return "There is a closing bracket without an opening one.";
    }
    if (inQuote) return "Unbalanced quotes: add the closing \" to end the phrase.";
    if (paren > 0) return "Unbalanced parentheses: " + paren + " '(' not closed.";
    if (square > 0 || curly > 0) return "A range bracket is not closed (write year:[2015 TO 2017]).";
    return null;
  }

  /** The parser's error in plain words. */
  static String explain(ParseException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("not allowed as first character")) return "A word cannot start with a wildcard ('*' or '?').";
    if (m.contains("too many boolean clauses") || m.contains("maxClauseCount")) {
      return "The query expands to too many terms; make it more specific.";
    }
    if (m.startsWith("Cannot parse")) {
      // "Cannot parse 'x AND': Encountered "<EOF>" at line 1, column 5. Was expecting one of: ..."
      int enc = m.indexOf("Encountered");
      String where = enc >= 0 ? m.substring(enc).split("\\.")[0] : "";
      if (where.contains("<EOF>")) return "The query ends with an operator (AND, OR, NOT, + or -) that has nothing after it.";
      return "Invalid query syntax" + (where.isEmpty() ? "" : ": " + where.replace("\"", "'")) + ". Quote text that contains special characters ( ) [ ] { } : ^ ~ * ?.";
    }
    return m;
  }
}
