package dev.coachkit.adapter.openai.chat.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A tiny HTTP/1.1 server on raw sockets that counts what a connection pool does: connections accepted, requests
 * served, requests in flight (at most, too), connections the client closed. It answers every request with one fixed
 * body (JSON, or an event stream when it starts with {@code data:}, sent chunked), keeps connections alive, and can
 * hold requests until released, close connections left idle, or stall a stream after its first event.
 */
final class CountingHttpServer implements AutoCloseable {

  private final ServerSocket server;
  private final String scheme;
  private final String body;
  private final Duration closeIdleAfter;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger closedByClient = new AtomicInteger();
  private final AtomicInteger closedIdle = new AtomicInteger();
  private final List<List<String>> heads = Collections.synchronizedList(new ArrayList<>());
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile boolean stallStreams;
  private volatile boolean recordHeads = true;
  private volatile String status = "200 OK";
  private volatile String extraHeaders = "";

  /** A server answering {@code body}; with {@code closeIdleAfter} it closes a connection idle that long. */
  CountingHttpServer(String body, Duration closeIdleAfter) throws IOException {
    this(body, closeIdleAfter, null);
  }

  /** A server answering {@code body} over TLS with {@code tls}'s key ({@code https://} URL). */
  static CountingHttpServer overTls(String body, SSLContext tls) throws IOException {
    return new CountingHttpServer(body, null, tls);
  }

  private CountingHttpServer(String body, Duration closeIdleAfter, SSLContext tls) throws IOException {
    this.body = body;
    this.closeIdleAfter = closeIdleAfter;
    this.scheme = tls == null ? "http" : "https";
    this.server = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
        : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "counting-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return scheme + "://127.0.0.1:" + server.getLocalPort();
  }

  /** Requests from now on wait, answered only once {@link #release()} is called. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  /**
   * JSON answers from now on have this status (e.g. {@code 401 Unauthorized}) and these header lines besides
   * Content-Type and Content-Length (each line ending in CRLF).
   */
  void answerWith(String status, String headerLines) {
    this.status = status;
    this.extraHeaders = headerLines;
  }

  /** Streams from now on send their first event and then nothing more, the connection left open. */
  void stallStreams() {
    stallStreams = true;
  }

  /** The body of each request, as UTF-8. */
  List<String> bodies() {
    synchronized (bodies) {
      return List.copyOf(bodies);
    }
  }

  /** Stops keeping each request's head and body (a benchmark sends too many to keep). */
  void forgetHeads() {
    recordHeads = false;
  }

  int accepted() {
    return accepted.get();
  }

  int requests() {
    return requests.get();
  }

  int inFlight() {
    return inFlight.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  int closedByClient() {
    return closedByClient.get();
  }

  int closedIdle() {
    return closedIdle.get();
  }

  /** The header names of each request, lower-cased, in the order sent. */
  List<List<String>> headerNames() {
    List<List<String>> names = new ArrayList<>();
    for (List<String> head : heads()) {
      List<String> request = new ArrayList<>();
      for (String line : head.subList(1, head.size())) {
        request.add(line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT));
      }
      names.add(request);
    }
    return names;
  }

  /** The head of each request as it arrived: the request line, then each header line, in the order sent. */
  List<List<String>> heads() {
    synchronized (heads) {
      return List.copyOf(heads);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return;
      }
      accepted.incrementAndGet();
      sockets.add(socket);
      try {
        socket.setTcpNoDelay(true);
      } catch (IOException closed) {
        // served (and failed) below
      }
      Thread worker = new Thread(() -> serve(socket), "counting-http-conn");
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream()) {
      while (true) {
        socket.setSoTimeout(closeIdleAfter == null ? 0 : (int) closeIdleAfter.toMillis());
        List<String> head;
        try {
          head = readHead(in);
        } catch (SocketTimeoutException idle) {
          closedIdle.incrementAndGet();
          return;
        } catch (IOException reset) {
          // A client that closes a connection at once resets it (SO_LINGER 0) rather than ending it.
          closedByClient.incrementAndGet();
          return;
        }
        if (head == null) {
          closedByClient.incrementAndGet();
          return;
        }
        socket.setSoTimeout(0);
        int length = 0;
        for (String line : head.subList(1, head.size())) {
          String name = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
          if (name.equals("content-length")) {
            length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
          }
        }
        if (recordHeads) {
          heads.add(List.copyOf(head));
        }
        byte[] requestBody = in.readNBytes(length);
        if (recordHeads) {
          bodies.add(new String(requestBody, StandardCharsets.UTF_8));
        }
        requests.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
          if (!gate.await(30, TimeUnit.SECONDS)) {
            return;
          }
        } finally {
          inFlight.decrementAndGet();
        }
        if (body.startsWith("data:")) {
          out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
          if (stallStreams) {
            writeChunk(out, body.substring(0, body.indexOf("\n\n") + 2));
            // Nothing more is sent; the client sends nothing either until it gives up and closes the connection.
            try {
              in.read();
            } catch (IOException reset) {
              // closed by a reset
            }
            closedByClient.incrementAndGet();
            return;
          }
          writeChunk(out, body);
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
          // Head and body in one write: two small writes would wait on Nagle's algorithm for the client's delayed ACK.
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          ByteArrayOutputStream answer = new ByteArrayOutputStream();
          answer.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\n" + extraHeaders
              + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          answer.write(bytes);
          out.write(answer.toByteArray());
        }
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the connection is gone
    }
  }

  private static void writeChunk(OutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The request line and header lines, or null when the client ended the connection before a request. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b == -1) {
        return null;
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.US_ASCII);
        if (text.endsWith("\r")) {
          text = text.substring(0, text.length() - 1);
        }
        line.reset();
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
      } else {
        line.write(b);
      }
    }
  }

  @Override
  public void close() throws IOException {
    gate.countDown();
    server.close();
    synchronized (sockets) {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }
}
