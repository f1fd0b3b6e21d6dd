package dev.coachkit.adapter.openai.chat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenAI-compatible server that needs no key (as Ollama or LM Studio): it records the {@code Authorization}
 * header it got and forwards blocking requests to a simulator with the simulator's key.
 */
final class KeylessProxy implements AutoCloseable {
  private final HttpServer server;
  private final OpenAiSimulator target;
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Optional<String>> authorizationHeaders = new CopyOnWriteArrayList<>();

  private KeylessProxy(OpenAiSimulator target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::forward);
    server.start();
  }

  static KeylessProxy to(OpenAiSimulator target) {
    return new KeylessProxy(target);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  List<Optional<String>> authorizationHeaders() {
    return List.copyOf(authorizationHeaders);
  }

  private void forward(HttpExchange exchange) throws IOException {
    authorizationHeaders.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String path = exchange.getRequestURI().getPath().substring("/v1".length());
    HttpResponse<byte[]> answer;
    try {
      answer = client.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + target.apiKey())
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    exchange.getResponseHeaders().set("Content-Type",
        answer.headers().firstValue("Content-Type").orElse("application/json"));
    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
