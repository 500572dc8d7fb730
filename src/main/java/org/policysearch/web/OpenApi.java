package org.policysearch.web;

/**
 * The OpenAPI description served at {@code /api/openapi.json}, written by hand to match the routes
 * of {@link WebApp} (a test calls every path listed here).
 */
final class OpenApi {
  private OpenApi() {}

  static final String JSON = """
      {
        "openapi": "3.0.3",
        "info": {"title": "policy-search", "version": "0.1.0",
          "description": "Bilingual (English + Chinese) full-text search over policy documents. Errors are JSON {error, message}: 400 bad_query or bad_parameter, 403 forbidden, 404 not_found."},
        "paths": {
          "/api/search": {"get": {"summary": "Ranked passages with highlighted snippets, match offsets and facets",
            "parameters": [
              {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 1000}, "description": "Query; quote a phrase for an exact match. Operators AND OR NOT ( ); filters doc: lang: year: (also year:[2015 TO 2017]) term: issuer: number:"},
              {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "date_desc", "date_asc", "doc"], "default": "relevance"}, "description": "relevance (score, then document and passage order; languages take turns for a query naming a concept); date_desc / date_asc: the document's date, newest or oldest first, undated documents last, then document id and reading order (on the SolrCloud backend the year, then document id and reading order); doc: document id, then reading order"},
              {"name": "filetype", "in": "query", "schema": {"type": "string"}, "description": "Only documents of this format: a media type as /api/docs gives it, compared without its parameters (application/pdf, text/html)"},
              {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "csv"], "default": "json"}, "description": "csv: every matching passage of the query in the sort order (limit and offset ignored), streamed as text/csv in UTF-8 with a byte order mark: doc, title, date, page, language, passage (anchor), text, link (absolute /p/ short link)"},
              {"name": "group", "in": "query", "schema": {"type": "string", "enum": ["doc"]}, "description": "With format=csv: one row per matching document (doc, title, date, issuer, number, format, language, passages, direct, via, link), most passages first or in the sort's order"},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100, "default": 20}, "description": "Hits per page. 0 is a lookup: total and complete facets (facets.docs lists every matching document with its passage count), no hits, no highlighting; with a page, each facet lists its top 100 values"},
              {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}},
              {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh", "en", "mixed"]}},
              {"name": "doc", "in": "query", "schema": {"type": "string"}, "description": "Only passages of this document id"},
              {"name": "term", "in": "query", "schema": {"type": "string"}, "description": "Only passages mentioning this concept id"},
              {"name": "expand", "in": "query", "schema": {"type": "boolean", "default": true}, "description": "Glossary expansion. A quoted phrase is widened to every variant of a concept (both languages) only when the whole phrase is a variant; a phrase holding a variant among other words means exactly itself. Unquoted, each run of adjacent words that is exactly a variant also matches the concept's other variants, and the other words keep their meaning: steel overcapacity = steel AND (overcapacity or excess capacity or 产能过剩 or ...), so Chinese passages need the other word in Chinese (钢铁 产能过剩); an unquoted run of Chinese characters holding a variant among others (钢铁产能过剩) means exactly itself. Passages carrying a concept the query names rank first. A hit reached only through the glossary has via set"}],
            "responses": {"200": {"description": "{query, total, took_ms, offset, limit, expansions, hits: [{doc, title, passage, ordinal, page, lang, score, snippet, text, matches: [{start, end}], terms, mentions, via, link, permalink, file, ocr}], facets: {docs: [{id, title, count, direct, via}], terms, lang}, suggestions: [{query, total}]}. suggestions (did you mean) is filled when the query finds fewer than 3 passages: corrected queries (a misspelt glossary term in English or a wrong character in a Chinese one, or an English word the index lacks) that find more, with their totals. In facets.docs, direct counts the passages matching the query as written and via those reached only through the glossary: the documents using a quoted phrase are those with direct > 0. ocr is true where the text was recognised by OCR (it may hold recognition errors). Traditional and Simplified Chinese match each other"},
              "400": {"description": "bad_query or bad_parameter"},
              "503": {"description": "index_damaged: the index is damaged and is not served until it is rebuilt (run index)"}}}},
          "/api/docs": {"get": {"summary": "Every document: {id, title, title_en, lang, date, issuer, source, format, pages, passages, file, date_first, date_source, number, copy_of, copies, ocr_pages}",
            "responses": {"200": {"description": "array of documents, ordered by date"}}}},
          "/api/docs/{id}": {"get": {"summary": "One page of a document's passages (the whole document when it is short: up to about 200 KB of passages); with q, each passage's matches and highlighted HTML, and match_count over the whole document",
            "parameters": [
              {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
              {"name": "q", "in": "query", "schema": {"type": "string"}},
              {"name": "expand", "in": "query", "schema": {"type": "boolean", "default": true}},
              {"name": "anchor", "in": "query", "schema": {"type": "string"}, "description": "The passage a link points at; the answer's anchor_status is ok, changed or missing"},
              {"name": "quote", "in": "query", "schema": {"type": "string"}, "description": "The linked passage's text, to find the closest passage when the anchor is gone"},
              {"name": "match", "in": "query", "schema": {"type": "integer", "minimum": 0}, "description": "A page around the passage holding this match (0-based, counted over the whole document)"},
              {"name": "from", "in": "query", "schema": {"type": "integer", "minimum": 0}, "description": "A page starting at this passage position (0-based, reading order): the next page when scrolling down"},
              {"name": "before", "in": "query", "schema": {"type": "integer", "minimum": 0}, "description": "A page ending just before this passage position: the previous page when scrolling up. Without match, from or before: the page around the anchor, else the start"}],
            "responses": {"200": {"description": "{id, title, ..., ocr_pages, passages: [{anchor, ordinal, page, lang, text, terms, mentions, matches, highlighted, link, permalink, ocr}], match_count, anchor_status, resolved_anchor, notice, passage_count, from, matches_before}: passages is the page, from its first position, passage_count the document's passages, match_count every match of q in the document and matches_before those in the passages before the page"},
              "400": {"description": "bad_query or bad_parameter"}, "404": {"description": "not_found"}}}},
          "/api/terms": {"get": {"summary": "The glossary's concepts with document and mention counts", "responses": {"200": {"description": "concordance overview"}}}},
          "/api/terms/{id}": {"get": {"summary": "One concept's concordance: documents and passages that mention it",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
              {"name": "doc", "in": "query", "schema": {"type": "string"}},
              {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "csv"], "default": "json"}, "description": "csv: keyword in context, one row per mention (documents by date, passages in reading order): doc, title, date, page, language, left (60 characters), match, right (60 characters), link; UTF-8 with a byte order mark"}],
            "responses": {"200": {"description": "concordance (JSON), or its keyword-in-context lines (CSV)"}, "404": {"description": "not_found"}}}},
          "/api/suggest": {"get": {"summary": "Completions from document titles, glossary labels and frequent words, both languages",
            "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10}}],
            "responses": {"200": {"description": "{query, suggestions: [{text, kind: title|term|phrase, id}]}"}}}},
          "/api/reindex": {"post": {"summary": "Re-index changed files of the corpus now (from loopback, or with Authorization: Bearer <admin token>)",
            "responses": {"200": {"description": "the run's summary"}, "403": {"description": "forbidden"},
              "503": {"description": "reindex_failed: the index cannot be written (read-only folder, disk full); searches go on from the last commit"}}}},
          "/api/openapi.json": {"get": {"summary": "This description", "responses": {"200": {"description": "OpenAPI 3 JSON"}}}},
          "/health": {"get": {"summary": "Liveness and the number of indexed documents", "responses": {"200": {"description": "{status, documents, corpus}: corpus is the absolute path of the folder the server indexes (and watches)"},
            "503": {"description": "index_damaged: the index is damaged; the message says how to rebuild it"}}}},
          "/p/{anchor}": {"get": {"summary": "Permanent link to a passage: redirects to the reader at the passage",
            "parameters": [{"name": "anchor", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"302": {"description": "Location: /d/{doc}#{anchor}"}, "404": {"description": "not_found (JSON); a browser (Accept: text/html) gets a page that says the passage was not found"}}}},
          "/files/{source}": {"get": {"summary": "The original file (path relative to the corpus folder); PDFs open at #page=N",
            "parameters": [{"name": "source", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "the file"}, "404": {"description": "not_found"}}}},
          "/": {"get": {"summary": "Search page", "responses": {"200": {"description": "HTML"}}}},
          "/d/{id}": {"get": {"summary": "Reader page (?q=&quote=#anchor)",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "HTML"}}}},
          "/terms": {"get": {"summary": "Term explorer page", "responses": {"200": {"description": "HTML"}}}},
          "/terms/{id}": {"get": {"summary": "Concordance page",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "HTML"}}}},
          "/static/{path}": {"get": {"summary": "The UI's scripts and styles",
            "parameters": [{"name": "path", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "file"}, "404": {"description": "not_found"}}}}
        }
      }
      """;
}
