/** The HTTP server: one app factory listing every route and the one error mapper, static pages, corpus files; no Lucene or Tika types. */
package org.policysearch.web;
