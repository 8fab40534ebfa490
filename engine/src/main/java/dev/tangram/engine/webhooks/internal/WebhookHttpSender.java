package dev.tangram.engine.webhooks.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately small HTTP/1.1 client for webhook POSTs. It exists because the JDK's client
 * resolves host names itself: here the caller resolves and checks the address
 * ({@link OutboundAddressGuard}) and this class connects to exactly that address, while TLS still
 * verifies the certificate against the host name. Redirects are never followed (a 3xx is a failed
 * attempt), the whole exchange has one deadline, and only the start of the response body is read.
 *
 * <p>Connections are kept alive per checked address, port and host name, so a receiver that keeps
 * up is not paid a TCP (and TLS) handshake per delivery; each receiver only ever gets its own
 * connections. One is reused only after a complete response that did not ask to close. A request on
 * a kept connection that the receiver closed while it was idle (closed or reset before any answer)
 * goes out once more on a fresh connection: at-least-once delivery allows that, the
 * {@code webhook-id} is the same.
 */
public final class WebhookHttpSender implements AutoCloseable {

  /** What the receiver answered. */
  public record Response(int status, @Nullable String retryAfter, String excerpt) {}

  static final int EXCERPT_BYTES = 1024;
  private static final int MAX_HEADER_BYTES = 16 * 1024;
  /** Idle connections kept per receiver; the worker's cap of requests in flight per endpoint bounds the need. */
  private static final int MAX_IDLE_PER_TARGET = 32;
  /** An idle connection older than this is closed rather than reused (servers drop idle ones after 5 s to minutes). */
  private static final long MAX_IDLE_NANOS = Duration.ofSeconds(4).toNanos();

  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Map<Target, Deque<Connection>> idle = new ConcurrentHashMap<>();

  public WebhookHttpSender(Duration connectTimeout, Duration requestTimeout) {
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  /** Where a connection goes: the checked address, the port, and the host name TLS and {@code Host} name. */
  private record Target(InetAddress address, int port, String host, boolean tls) {}

  /** An open connection with its buffered input (which must live as long as the socket). */
  private record Connection(Socket socket, InputStream in, OutputStream out, long idleSince) {
    Connection idleFrom(long now) {
      return new Connection(socket, in, out, now);
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** What was read, and whether the connection may carry another request. */
  private record Exchange(Response response, boolean reusable) {}

  /** The receiver closed or reset a kept connection before any byte of an answer: safe to send again on a fresh one. */
  private static final class StaleConnection extends IOException {
    StaleConnection(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  public Response post(URI url, InetAddress address, Map<String, String> headers, byte[] body) throws IOException {
    long deadline = System.nanoTime() + requestTimeout.toNanos();
    boolean tls = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    Target target = new Target(address, port, url.getHost(), tls);
    byte[] head = head(url, port, tls, headers, body.length);
    Connection kept = takeIdle(target);
    if (kept != null) {
      try {
        return exchange(target, kept, head, body, deadline, true);
      } catch (StaleConnection e) {
        // closed while idle: once more on a fresh connection, below
      }
    }
    return exchange(target, open(target, deadline), head, body, deadline, false);
  }

  /** Closes the idle connections. */
  @Override
  public void close() {
    idle.values().forEach(connections -> {
      for (Connection c; (c = connections.pollFirst()) != null; ) {
        c.close();
      }
    });
  }

  private Response exchange(Target target, Connection connection, byte[] head, byte[] body, long deadline, boolean reused) throws IOException {
    boolean keep = false;
    try {
      try {
        connection.out().write(head);
        connection.out().write(body);
        connection.out().flush();
      } catch (IOException e) {
        throw reused ? new StaleConnection("The kept connection was closed", e) : e;
      }
      Exchange result = read(connection.socket(), connection.in(), deadline, reused);
      keep = result.reusable();
      return result.response();
    } finally {
      if (keep) {
        giveBack(target, connection);
      } else {
        connection.close();
      }
    }
  }

  private Connection open(Target target, long deadline) throws IOException {
    Socket plain = new Socket();
    try {
      plain.setTcpNoDelay(true);
      plain.connect(new InetSocketAddress(target.address(), target.port()), (int) Math.min(connectTimeout.toMillis(), remainingMillis(deadline)));
      plain.setSoTimeout((int) Math.max(1, remainingMillis(deadline))); // bounds a TLS handshake too
      Socket socket = target.tls() ? upgrade(plain, target.host(), target.port()) : plain;
      return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 4096),
          new BufferedOutputStream(socket.getOutputStream(), 8192), System.nanoTime());
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  private @Nullable Connection takeIdle(Target target) {
    Deque<Connection> connections = idle.get(target);
    if (connections == null) {
      return null;
    }
    long now = System.nanoTime();
    for (Connection c; (c = connections.pollFirst()) != null; ) {
      if (now - c.idleSince() < MAX_IDLE_NANOS && !c.socket().isClosed()) {
        return c;
      }
      c.close();
    }
    return null;
  }

  private void giveBack(Target target, Connection connection) {
    Deque<Connection> connections = idle.computeIfAbsent(target, t -> new ConcurrentLinkedDeque<>());
    if (connections.size() >= MAX_IDLE_PER_TARGET) {
      connection.close();
      return;
    }
    connections.offerFirst(connection.idleFrom(System.nanoTime())); // most recently used first: the others age out
  }

  private static Socket upgrade(Socket plain, String host, int port) throws IOException {
    SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!host.startsWith("[") && !Character.isDigit(host.charAt(host.length() - 1))) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(parameters);
    return ssl;
  }

  private static byte[] head(URI url, int port, boolean tls, Map<String, String> headers, int length) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path += "?" + url.getRawQuery();
    }
    boolean defaultPort = port == (tls ? 443 : 80);
    StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(url.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
        .append("User-Agent: Tangram-Webhooks/1\r\nContent-Type: application/json\r\n")
        .append("Content-Length: ").append(length).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Exchange read(Socket socket, InputStream in, long deadline, boolean reused) throws IOException {
    ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b;
      try {
        b = readByte(socket, in, deadline);
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        throw reused && headBytes.size() == 0 ? new StaleConnection("The kept connection was reset", e) : e;
      }
      if (b < 0) {
        if (reused && headBytes.size() == 0) {
          throw new StaleConnection("The kept connection was closed", null);
        }
        throw new IOException("The receiver closed the connection before answering");
      }
      headBytes.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (headBytes.size() > MAX_HEADER_BYTES) {
        throw new IOException("The response headers exceed " + MAX_HEADER_BYTES + " bytes");
      }
    }
    String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      throw new IOException("Not an HTTP response: " + lines[0]);
    }
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (NumberFormatException e) {
      throw new IOException("Not an HTTP status: " + lines[0]);
    }
    String retryAfter = null;
    boolean chunked = false;
    boolean closes = !"HTTP/1.1".equals(statusLine[0]); // HTTP/1.0 closes unless told otherwise; we do not negotiate that
    long length = -1;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      switch (name) {
        case "retry-after" -> retryAfter = value;
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "content-length" -> length = parseLength(value);
        case "connection" -> closes |= value.toLowerCase(Locale.ROOT).contains("close");
        default -> { }
      }
    }
    if (status == 204 || status == 304 || status < 200) { // no body, whatever the headers say (a 1xx we did not ask for: not reused)
      return new Exchange(new Response(status, retryAfter, ""), !closes && status >= 200);
    }
    Body body = excerpt(socket, in, deadline, chunked, length);
    return new Exchange(new Response(status, retryAfter, body.excerpt()), !closes && body.complete());
  }

  /** The start of a response body, and whether all of it was read (so the connection is at the next response). */
  private record Body(String excerpt, boolean complete) {}

  /** The start of the body; a receiver that sends slowly or endlessly costs at most the deadline. */
  private static Body excerpt(Socket socket, InputStream in, long deadline, boolean chunked, long length) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean complete = false;
    try {
      if (chunked) {
        while (body.size() < EXCERPT_BYTES) {
          long size = Long.parseLong(readLine(socket, in, deadline).split(";")[0].trim(), 16);
          if (size == 0) {
            while (!readLine(socket, in, deadline).isEmpty()) {
              // trailers, up to the empty line that ends the response
            }
            complete = true;
            break;
          }
          for (long i = 0; i < size; i++) {
            int b = readByte(socket, in, deadline);
            if (b < 0) {
              return new Body(body.toString(StandardCharsets.UTF_8), false);
            }
            if (body.size() < EXCERPT_BYTES) {
              body.write(b);
            }
          }
          readLine(socket, in, deadline);
        }
      } else {
        long wanted = length < 0 ? EXCERPT_BYTES : Math.min(length, EXCERPT_BYTES);
        long read = 0;
        for (; read < wanted; read++) {
          int b = readByte(socket, in, deadline);
          if (b < 0) {
            break;
          }
          body.write(b);
        }
        complete = length >= 0 && read == length; // without a length the body ends with the connection
      }
    } catch (SocketTimeoutException | NumberFormatException e) {
      // the status is what counts; a body that does not arrive in time is cut short
    }
    return new Body(body.toString(StandardCharsets.UTF_8), complete);
  }

  private static String readLine(Socket socket, InputStream in, long deadline) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = readByte(socket, in, deadline)) >= 0 && b != '\n'; ) {
      if (b != '\r' && line.length() < 256) {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static int readByte(Socket socket, InputStream in, long deadline) throws IOException {
    long remaining = remainingMillis(deadline);
    if (remaining <= 0) {
      throw new SocketTimeoutException("No complete answer within the request timeout");
    }
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
    return in.read();
  }

  private static long remainingMillis(long deadline) {
    return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
