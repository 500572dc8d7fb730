package org.policysearch.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The addresses the API hands out: reader deep links, short permalinks, original files. */
public final class Links {
  private Links() {}

  public static String reader(String doc, String q, String anchor) {
    return "/d/" + segment(doc) + (q == null || q.isBlank() ? "" : "?q=" + param(q)) + (anchor == null ? "" : "#" + anchor);
  }

  public static String permalink(String anchor) {
    return "/p/" + anchor;
  }

  /** The original file; PDFs open at the page. */
  public static String file(String source, String format, int page) {
    StringBuilder b = new StringBuilder("/files");
    for (String seg : source.split("/")) b.append('/').append(segment(seg));
    if (page > 0 && format != null && format.contains("pdf")) b.append("#page=").append(page);
    return b.toString();
  }

  public static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static String param(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
