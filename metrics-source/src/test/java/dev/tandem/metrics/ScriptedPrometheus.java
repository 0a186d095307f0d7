package dev.tandem.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A hand-scripted HTTP server speaking the query endpoint of the Prometheus API, for the ugly cases
 * a real Prometheus does not produce on demand. A script maps the PromQL received to a reply.
 */
final class ScriptedPrometheus implements AutoCloseable {

  /** What to send back: status, body, and how long to wait first. */
  record Reply(int status, String body, long delayMillis) {
    static Reply ok(String body) {
      return new Reply(200, body, 0);
    }
  }

  /** One request as received. */
  record Received(String path, String query, String authorization) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<String, Reply> script;
  private volatile Function<String, String> labels = uri -> "{\"status\":\"success\",\"data\":[]}";

  ScriptedPrometheus(String prefix, Function<String, Reply> script) throws IOException {
    this.script = script;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(prefix + "/api/v1/query", this::handle);
    server.createContext(prefix + "/api/v1/label/", this::labelValues);
    server.start();
  }

  ScriptedPrometheus(Function<String, Reply> script) throws IOException {
    this("", script);
  }

  /** Answers {@code /api/v1/label/NAME/values?match[]=...}, given the decoded path and query. */
  void labels(Function<String, String> answer) {
    labels = answer;
  }

  private void labelValues(HttpExchange ex) throws IOException {
    String uri =
        URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8)
            + "?"
            + URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
    received.add(new Received(uri, "", ex.getRequestHeaders().getFirst("Authorization")));
    byte[] body = labels.apply(uri).getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  void script(Function<String, Reply> s) {
    script = s;
  }

  URI uri(String prefix) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  private void handle(HttpExchange ex) throws IOException {
    String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String query = "";
    for (String pair : form.split("&")) {
      if (pair.startsWith("query=")) {
        query = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    received.add(
        new Received(
            ex.getRequestURI().getPath(), query, ex.getRequestHeaders().getFirst("Authorization")));
    Reply r = script.apply(query);
    try {
      if (r.delayMillis() > 0) {
        Thread.sleep(r.delayMillis());
      }
      byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (timeout): nothing to answer
    } finally {
      ex.close();
    }
  }

  /** A vector result of series, each given as labels and a value text ("NaN", "+Inf", "3.5"). */
  static String vector(List<Map<String, String>> labels, List<String> values) {
    StringBuilder b =
        new StringBuilder(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"metric\":{");
      int j = 0;
      for (Map.Entry<String, String> e : labels.get(i).entrySet()) {
        if (j++ > 0) {
          b.append(',');
        }
        b.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
      }
      b.append("},\"value\":[1700000000.0,\"").append(values.get(i)).append("\"]}");
    }
    return b.append("]}}").toString();
  }

  static String empty() {
    return vector(List.of(), List.of());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
