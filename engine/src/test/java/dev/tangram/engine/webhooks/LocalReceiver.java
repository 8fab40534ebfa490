package dev.tangram.engine.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A real HTTP receiver on 127.0.0.1 (the JDK's server) that records what it gets and answers as told per path. */
public final class LocalReceiver implements AutoCloseable {

  /** One request received. */
  public record Received(String path, String id, String timestamp, String signature, String body, long atNanos) {}

  /** How to answer. */
  public record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
    public static Answer ok() {
      return new Answer(200, Map.of(), "thanks", 0);
    }

    public static Answer status(int status) {
      return new Answer(status, Map.of(), "status " + status, 0);
    }
  }

  private final HttpServer server;
  public final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Received, Answer>> answers = new ConcurrentHashMap<>();

  public LocalReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void answer(String path, Function<Received, Answer> answer) {
    answers.put(path, answer);
  }

  public List<Received> at(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    var h = exchange.getRequestHeaders();
    Received r = new Received(exchange.getRequestURI().getPath(), h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
        h.getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8), System.nanoTime());
    received.add(r);
    Answer answer = answers.getOrDefault(r.path(), x -> Answer.ok()).apply(r);
    if (answer.delayMillis() > 0) {
      try {
        Thread.sleep(answer.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      exchange.getResponseBody().write(out);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
