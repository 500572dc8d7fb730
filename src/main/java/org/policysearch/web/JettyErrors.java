package org.policysearch.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the app (a malformed request line, an illegal
 * character in the path such as an encoded NUL): the same JSON body and headers as the app's own,
 * never Jetty's HTML page with the request echoed back.
 */
final class JettyErrors extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws IOException {
    String error = code == 404 ? "not_found" : code >= 500 ? "internal" : "bad_request";
    String text = code >= 500 ? "The server failed to answer this request."
        : "The request could not be understood (HTTP " + code + "): check the address for illegal characters.";
    String json = "{\"error\":\"" + error + "\",\"message\":\"" + text + "\"}";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put("Content-Security-Policy", WebApp.CSP);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "same-origin");
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
