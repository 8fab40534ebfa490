package dev.tangram.engine.webhooks.internal;

import java.io.BufferedInputStream;
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
import java.util.Map;
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
 */
public final class WebhookHttpSender {

  /** What the receiver answered. */
  public record Response(int status, @Nullable String retryAfter, String excerpt) {}

  static final int EXCERPT_BYTES = 1024;
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final Duration connectTimeout;
  private final Duration requestTimeout;

  public WebhookHttpSender(Duration connectTimeout, Duration requestTimeout) {
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  public Response post(URI url, InetAddress address, Map<String, String> headers, byte[] body) throws IOException {
    long deadline = System.nanoTime() + requestTimeout.toNanos();
    boolean tls = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    try (Socket plain = new Socket()) {
      plain.setTcpNoDelay(true);
      plain.connect(new InetSocketAddress(address, port), (int) Math.min(connectTimeout.toMillis(), remainingMillis(deadline)));
      Socket socket = tls ? upgrade(plain, url.getHost(), port) : plain;
      OutputStream out = socket.getOutputStream();
      out.write(head(url, port, tls, headers, body.length));
      out.write(body);
      out.flush();
      return read(socket, deadline);
    }
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
        .append("Content-Length: ").append(length).append("\r\nConnection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Response read(Socket socket, long deadline) throws IOException {
    InputStream in = new BufferedInputStream(socket.getInputStream(), 4096);
    ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = readByte(socket, in, deadline);
      if (b < 0) {
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
        default -> { }
      }
    }
    return new Response(status, retryAfter, excerpt(socket, in, deadline, chunked, length));
  }

  /** The start of the body; a receiver that sends slowly or endlessly costs at most the deadline. */
  private static String excerpt(Socket socket, InputStream in, long deadline, boolean chunked, long length) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      if (chunked) {
        while (body.size() < EXCERPT_BYTES) {
          long size = Long.parseLong(readLine(socket, in, deadline).split(";")[0].trim(), 16);
          if (size == 0) {
            break;
          }
          for (long i = 0; i < size; i++) {
            int b = readByte(socket, in, deadline);
            if (b < 0) {
              break;
            }
            if (body.size() < EXCERPT_BYTES) {
              body.write(b);
            }
          }
          readLine(socket, in, deadline);
        }
      } else {
        long wanted = length < 0 ? EXCERPT_BYTES : Math.min(length, EXCERPT_BYTES);
        for (long i = 0; i < wanted; i++) {
          int b = readByte(socket, in, deadline);
          if (b < 0) {
            break;
          }
          body.write(b);
        }
      }
    } catch (SocketTimeoutException | NumberFormatException e) {
      // the status is what counts; a body that does not arrive in time is cut short
    }
    return body.toString(StandardCharsets.UTF_8);
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
