package org.policysearch.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.policysearch.search.Api;
import org.policysearch.search.BadQueryException;
import org.policysearch.search.IndexDamagedException;
import org.policysearch.search.Concordance;
import org.policysearch.search.Export;
import org.policysearch.search.Json;
import org.policysearch.search.Links;
import org.policysearch.search.NotFoundException;
import org.policysearch.search.ReaderPages;
import org.policysearch.search.SearchRequest;
import org.policysearch.search.SearchBackend;
import org.policysearch.search.Suggester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web application: every route is listed in {@link #configure}, every error goes through
 * {@link #error}, and {@link #create} returns the server unstarted (tests start it on a random
 * loopback port; the serve command on its host and port).
 *
 * <p>Errors are JSON {@code {error, message}}: 400 bad_query / bad_parameter, 403 forbidden,
 * 404 not_found, 500 internal (logged, never a stack trace to the client).
 */
public final class WebApp {
  /** The same policy on every answer: only our own scripts and styles run, nothing frames us. */
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'";
  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
  private static final Pattern ANCHOR = Pattern.compile("[a-z0-9]{1,40}(-[0-9]{1,6})?");
  private static final String JSON = "application/json; charset=utf-8";

  /**
   * What the server serves.
   *
   * @param corpus the corpus folder ({@code /files/...})
   * @param assets the static UI
   * @param adminToken when set, {@code POST /api/reindex} is also accepted from other hosts with {@code Authorization: Bearer <token>}
   */
  public record Options(Path corpus, WebAssets assets, String adminToken) {}

  /** The services behind the routes. */
  public record Services(SearchBackend search, SearchBackend.Reader reader, SearchBackend.Suggestions suggester, TermsApi terms, Reindexer reindexer) {}

  private final Options options;
  private final Services services;
  private final CorpusFiles files;

  private WebApp(Options options, Services services) {
    this.options = options;
    this.services = services;
    this.files = new CorpusFiles(options.corpus());
  }

  /** The configured, unstarted server. */
  public static Javalin create(Options options, Services services) {
    WebApp app = new WebApp(options, services);
    return Javalin.create(app::configure);
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.router.ignoreTrailingSlashes = true;
    config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    config.routes.before(WebApp::securityHeaders);

    // pages (the UI draws them from the API)
    config.routes.get("/", ctx -> page(ctx, "index.html"));
    config.routes.get("/d/{id}", ctx -> page(ctx, "reader.html"));
    config.routes.get("/terms", ctx -> page(ctx, "terms.html"));
    config.routes.get("/terms/{id}", ctx -> page(ctx, "term.html"));
    config.routes.get("/static/<path>", this::asset);
    config.routes.get("/p/{anchor}", this::permalink);
    config.routes.get("/files/<source>", this::file);
    config.routes.get("/health", this::health);

    // JSON API
    config.routes.get("/api/openapi.json", ctx -> ctx.contentType(JSON).result(OpenApi.JSON));
    config.routes.get("/api/search", this::search);
    config.routes.get("/api/docs", ctx -> jsonStreamed(ctx, services.search().documents()));
    config.routes.get("/api/docs/{id}", this::document);
    config.routes.get("/api/terms", ctx -> json(ctx, services.terms().terms()));
    config.routes.get("/api/terms/{id}", this::term);
    config.routes.get("/api/suggest", ctx -> json(ctx,
        services.suggester().suggest(Params.query(ctx), Params.integer(ctx, "limit", Suggester.DEFAULT_LIMIT, 1, Suggester.MAX_LIMIT))));
    config.routes.post("/api/reindex", this::reindex);

    config.routes.exception(Exception.class, this::error);
    // answers Javalin makes itself (no route for the path or method) become JSON too
    for (int status : new int[] {400, 404, 405, 413, 500}) config.routes.error(status, WebApp::jsonUnlessAnswered);
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
  }

  private void search(Context ctx) throws IOException {
    boolean csv = csv(ctx);
    SearchRequest r = new SearchRequest(Params.query(ctx),
        Params.integer(ctx, "limit", SearchRequest.DEFAULT_LIMIT, 0, SearchRequest.MAX_LIMIT),
        Params.integer(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET),
        Params.string(ctx, "lang"), Params.string(ctx, "doc"), Params.string(ctx, "term"),
        Params.bool(ctx, "expand", true), Params.string(ctx, "sort"), Params.string(ctx, "filetype"));
    String group = Params.string(ctx, "group");
    boolean byDoc = group != null && group.strip().equals("doc");
    if (group != null && !group.isBlank() && !byDoc) throw Params.bad("group must be doc, not '" + (group.length() > 40 ? group.substring(0, 40) + "…" : group) + "'.");
    if (byDoc && !csv) throw Params.bad("group=doc goes with format=csv; in JSON, limit=0 lists every matching document in facets.docs.");
    if (!csv) {
      json(ctx, services.search().search(r));
      return;
    }
    if (byDoc) {
      // one row per document: the lookup (complete facets.docs) joined with the document list
      Api.SearchResponse lookup = services.search().search(r.page(0, 0));
      Writer w = openCsv(ctx, "documents.csv");
      Export.documents(w, lookup, services.search().documents(), r.order(), base(ctx));
      w.flush();
      return;
    }
    // every matching passage, streamed: the header goes out with the first row, so a bad query is still a JSON 400
    String base = base(ctx);
    CsvStream out = new CsvStream(ctx, "search.csv", Export.SEARCH_HEADER);
    services.search().export(r, row -> out.line(List.of(row.doc(), row.title(), nz(row.date()),
        row.page() == null ? "" : row.page().toString(), nz(row.lang()), row.anchor(), nz(row.text()), base + Links.permalink(row.anchor()))));
    out.finish();
  }

  /** {@code /api/terms/{id}}: the concordance as JSON, or with format=csv its keyword-in-context lines. */
  private void term(Context ctx) throws IOException {
    boolean csv = csv(ctx);
    Object t = services.terms().term(ctx.pathParam("id"), Params.string(ctx, "doc"));
    if (!csv) {
      json(ctx, t);
      return;
    }
    if (!(t instanceof Concordance.TermDetail detail)) throw new IllegalStateException("the concordance answered " + t.getClass());
    Writer w = openCsv(ctx, "term-" + detail.id() + ".csv");
    Export.kwic(w, detail, base(ctx));
    w.flush();
  }

  /** format=csv asks for CSV; json or nothing for JSON. */
  private static boolean csv(Context ctx) {
    String f = Params.string(ctx, "format");
    if (f == null || f.isBlank() || f.strip().equals("json")) return false;
    if (f.strip().equals("csv")) return true;
    throw Params.bad("format must be json or csv, not '" + (f.length() > 40 ? f.substring(0, 40) + "…" : f) + "'.");
  }

  /** Starts a CSV download: its headers, then the byte order mark that makes spreadsheets read UTF-8. */
  private static Writer openCsv(Context ctx, String file) throws IOException {
    ctx.status(200);
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    Writer w = new BufferedWriter(new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
    w.write('\uFEFF');
    return w;
  }

  /** The scheme, host and port the client used, for absolute links in exports. */
  private static String base(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,300}")) host = ctx.req().getLocalName() + ":" + ctx.req().getLocalPort();
    return ctx.scheme() + "://" + host;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** A CSV answer written as it is produced: UTF-8 with a byte order mark, the header with the first row. */
  private static final class CsvStream {
    private final Context ctx;
    private final String file;
    private final List<String> header;
    private Writer w;

    CsvStream(Context ctx, String file, List<String> header) {
      this.ctx = ctx;
      this.file = file;
      this.header = header;
    }

    private void start() throws IOException {
      if (w != null) return;
      w = openCsv(ctx, file);
      Export.line(w, header);
    }

    void line(List<String> cells) throws IOException {
      start();
      Export.line(w, cells);
    }

    /** Flushes what is left; a search without matches is a header alone. */
    void finish() throws IOException {
      start();
      w.flush();
    }
  }

  private void document(Context ctx) throws IOException {
    ReaderPages.Request page = new ReaderPages.Request(Params.optionalInteger(ctx, "from", 0, Integer.MAX_VALUE),
        Params.optionalInteger(ctx, "before", 0, Integer.MAX_VALUE), Params.optionalInteger(ctx, "match", 0, Integer.MAX_VALUE));
    json(ctx, services.reader().read(ctx.pathParam("id"), Params.query(ctx), Params.bool(ctx, "expand", true),
        Params.string(ctx, "anchor"), Params.string(ctx, "quote"), page));
  }

  /** {@code /p/{anchor}}: 302 to the reader at the passage (keeping q and quote); 404 for an unknown anchor. */
  private void permalink(Context ctx) throws IOException {
    String anchor = ctx.pathParam("anchor");
    Optional<String> doc = ANCHOR.matcher(anchor).matches() ? services.reader().findAnchor(anchor) : Optional.empty();
    if (doc.isEmpty()) {
      // a browser gets a page that says so (as an unknown /d/ does); API clients the JSON error
      String accept = ctx.header("Accept");
      if (accept != null && accept.contains("text/html")) {
        page(ctx, "link.html");
        ctx.status(404);
        return;
      }
      throw new NotFoundException("No passage with anchor '" + anchor + "'.");
    }
    String link = Links.reader(doc.get(), Params.query(ctx), null);
    String quote = Params.string(ctx, "quote");
    if (quote != null && !quote.isBlank()) link += (link.contains("?") ? "&" : "?") + "quote=" + Links.param(quote);
    ctx.header("Location", link + "#" + anchor);
    ctx.status(302).contentType(JSON).result(Json.mapper().writeValueAsBytes(Map.of("location", link + "#" + anchor)));
  }

  private void file(Context ctx) throws IOException {
    String uri = ctx.req().getRequestURI();
    String raw = uri.startsWith("/files/") ? uri.substring("/files/".length()) : "";
    Optional<Path> p = files.resolve(raw, ctx.pathParam("source"));
    if (p.isEmpty()) throw new NotFoundException("No such file in the corpus folder.");
    CorpusFiles.Delivery d = CorpusFiles.delivery(p.get());
    // markup from the corpus must not run as our origin: the sandbox makes it an inert, unique origin
    if (d.sandbox()) ctx.header("Content-Security-Policy", CSP + "; sandbox");
    if (d.attachment()) {
      ctx.header("Content-Disposition", "attachment; filename*=UTF-8''" + Links.segment(p.get().getFileName().toString()));
    }
    ctx.header("Content-Length", Long.toString(Files.size(p.get())));
    InputStream in = Files.newInputStream(p.get());
    ctx.contentType(d.contentType()).result(in);
  }

  private void asset(Context ctx) throws IOException {
    String name = ctx.pathParam("path");
    Optional<byte[]> bytes = options.assets().read(name);
    if (bytes.isEmpty()) throw new NotFoundException("No such file: /static/" + name);
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(WebAssets.contentType(name)).result(bytes.get());
  }

  private void page(Context ctx, String name) throws IOException {
    Optional<byte[]> bytes = options.assets().read(name);
    if (bytes.isEmpty()) throw new IllegalStateException("the web UI has no " + name + " (" + options.assets().describe() + ")");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(WebAssets.contentType(name)).result(bytes.get());
  }

  private void health(Context ctx) throws IOException {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", "ok");
    h.put("documents", services.search().documents().size());
    // the folder the server indexes (the empty-index page names it)
    h.put("corpus", options.corpus() == null ? null : options.corpus().toAbsolutePath().normalize().toString());
    json(ctx, h);
  }

  /** Re-indexing changes state: only from this machine, or with the admin token; never from another site's page. */
  private void reindex(Context ctx) throws Exception {
    String token = options.adminToken();
    boolean tokenOk = token != null && !token.isEmpty() && constantTimeEquals(ctx.header("Authorization"), "Bearer " + token);
    if (!tokenOk && !isLoopback(ctx.req().getRemoteAddr())) {
      throw new Forbidden("Re-indexing is allowed only from this machine"
          + (token == null ? "." : ", or with the admin token (Authorization: Bearer …)."));
    }
    String origin = ctx.header("Origin");
    if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
      throw new Forbidden("Re-indexing cannot be triggered from another site's page.");
    }
    json(ctx, services.reindexer().reindex());
  }

  static boolean isLoopback(String addr) {
    if (addr == null || addr.isEmpty()) return false;
    String a = addr.startsWith("[") && addr.endsWith("]") ? addr.substring(1, addr.length() - 1) : addr;
    // only IP literals: never a name lookup
    if (!a.matches("[0-9.]+|[0-9a-fA-F:.%A-Za-z]*:[0-9a-fA-F:.%A-Za-z]*")) return false;
    try {
      return InetAddress.getByName(a).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean sameOrigin(String origin, String host) {
    try {
      URI o = URI.create(origin);
      return host != null && o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean constantTimeEquals(String given, String expected) {
    if (given == null) return false;
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static void json(Context ctx, Object body) throws IOException {
    ctx.contentType(JSON).result(Json.mapper().writeValueAsBytes(body));
  }

  /**
   * An answer written as it is serialised instead of held whole: every document of a 71,000-document
   * index is about 40 MB of JSON, more than a server at -Xmx256m can spare (issue 20).
   */
  private static void jsonStreamed(Context ctx, Object body) throws IOException {
    ctx.contentType(JSON);
    java.io.OutputStream out = ctx.outputStream();
    Json.mapper().writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, body);
    out.flush();
  }

  private static void jsonUnlessAnswered(Context ctx) throws IOException {
    String type = ctx.res().getContentType();
    // JSON errors, and the pages that answer a browser with a status of their own (an unknown /p/…), stay as they are
    if (type != null && (type.startsWith("application/json") || type.startsWith("text/html"))) return;
    int status = ctx.statusCode();
    ApiError body = switch (status) {
      case 404 -> new ApiError("not_found", "Nothing at " + ctx.method() + " " + ctx.path() + ". See /api/openapi.json for the routes.");
      case 405 -> new ApiError("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path() + ".");
      case 500 -> new ApiError("internal", "The server failed to answer this request; the error is in the server log.");
      default -> new ApiError("bad_request", "The request could not be understood (HTTP " + status + ").");
    };
    ctx.contentType(JSON).result(Json.mapper().writeValueAsBytes(body));
  }

  /** The one error mapper. */
  private void error(Exception e, Context ctx) {
    int status;
    ApiError body;
    if (e instanceof BadQueryException b) {
      status = 400;
      body = new ApiError(b.code(), b.getMessage());
    } else if (e instanceof NotFoundException) {
      status = 404;
      body = new ApiError("not_found", e.getMessage());
    } else if (e instanceof IndexDamagedException) {
      status = 503;
      body = new ApiError("index_damaged", e.getMessage());
    } else if (e instanceof Reindexer.Failed) {
      status = 503;
      body = new ApiError("reindex_failed", e.getMessage());
    } else if (e instanceof Forbidden) {
      status = 403;
      body = new ApiError("forbidden", e.getMessage());
    } else if (e instanceof HttpResponseException h) {
      status = h.getStatus();
      body = status == 404
          ? new ApiError("not_found", "Nothing at " + ctx.method() + " " + ctx.path() + ". See /api/openapi.json for the routes.")
          : status == 405
          ? new ApiError("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path() + ".")
          : new ApiError(status < 500 ? "bad_request" : "internal", h.getMessage());
    } else {
      status = 500;
      body = new ApiError("internal", "The server failed to answer this request; the error is in the server log.");
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    }
    ctx.header("Content-Security-Policy", CSP);
    try {
      ctx.status(status).contentType(JSON).result(Json.mapper().writeValueAsBytes(body));
    } catch (IOException io) {
      ctx.status(status).result("{\"error\":\"internal\",\"message\":\"\"}");
    }
  }

  /** A state-changing request from a client that may not make it. */
  private static final class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }
}
