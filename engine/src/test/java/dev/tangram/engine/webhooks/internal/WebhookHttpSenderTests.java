package dev.tangram.engine.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender's kept-alive connections against a raw socket server that counts connections and
 * answers as told per request number: reused after a complete answer, not after one that closes
 * or is cut short, and a connection the receiver dropped while idle costs no failed attempt.
 */
class WebhookHttpSenderTests {

  private final WebhookHttpSender sender = new WebhookHttpSender(Duration.ofSeconds(2), Duration.ofSeconds(2));
  private RawServer server;

  @AfterEach
  void tearDown() throws IOException {
    sender.close();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aCompleteAnswerLeavesTheConnectionForTheNextDelivery() throws IOException {
    server = new RawServer(n -> "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nthanks", false);
    for (int i = 0; i < 5; i++) {
      assertThat(post().status()).isEqualTo(200);
    }
    assertThat(server.connections.get()).isEqualTo(1);
    assertThat(server.requests.get()).isEqualTo(5);
  }

  @Test
  void noContentAndChunkedAnswersAreCompleteToo() throws IOException {
    server = new RawServer(n -> n % 2 == 0 ? "HTTP/1.1 204 No Content\r\n\r\n"
        : "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", false);
    for (int i = 0; i < 4; i++) {
      WebhookHttpSender.Response response = post();
      assertThat(response.status()).isEqualTo(i % 2 == 0 ? 204 : 200);
      assertThat(response.excerpt()).isEqualTo(i % 2 == 0 ? "" : "abc");
    }
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void anAnswerThatClosesOrIsNotReadToTheEndIsNotReused() throws IOException {
    String longBody = "x".repeat(WebhookHttpSender.EXCERPT_BYTES + 10);
    server = new RawServer(n -> switch (n) {
      case 0 -> "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";
      case 1 -> "HTTP/1.1 500 Oops\r\nContent-Length: " + longBody.length() + "\r\n\r\n" + longBody;
      default -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    }, false);
    assertThat(post().status()).isEqualTo(200);
    assertThat(post().excerpt()).hasSize(WebhookHttpSender.EXCERPT_BYTES);
    assertThat(post().status()).isEqualTo(200);
    assertThat(server.connections.get()).isEqualTo(3);
  }

  @Test
  void aConnectionTheReceiverDroppedWhileIdleIsReplacedWithoutAFailedAttempt() throws IOException {
    server = new RawServer(n -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true); // closes each connection after one answer, unannounced
    assertThat(post().status()).isEqualTo(200);
    assertThat(post().status()).isEqualTo(200);
    assertThat(server.connections.get()).isEqualTo(2);
    assertThat(server.requests.get()).isEqualTo(2);
  }

  private WebhookHttpSender.Response post() throws IOException {
    return sender.post(URI.create("http://127.0.0.1:" + server.socket.getLocalPort() + "/in"), InetAddress.getLoopbackAddress(),
        Map.of("webhook-id", "msg_1"), "{}".getBytes(StandardCharsets.UTF_8));
  }

  /** Accepts connections, reads requests (head and Content-Length body), answers with {@code answers} by request number. */
  private static final class RawServer implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();

    RawServer(IntFunction<String> answers, boolean dropAfterEachAnswer) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread.ofVirtual().start(() -> {
        while (!socket.isClosed()) {
          try {
            Socket connection = socket.accept();
            connections.incrementAndGet();
            Thread.ofVirtual().start(() -> serve(connection, answers, dropAfterEachAnswer));
          } catch (IOException e) {
            return;
          }
        }
      });
    }

    private void serve(Socket connection, IntFunction<String> answers, boolean dropAfterEachAnswer) {
      try (connection) {
        InputStream in = new BufferedInputStream(connection.getInputStream());
        OutputStream out = connection.getOutputStream();
        while (true) {
          String head = readHead(in);
          if (head == null) {
            return;
          }
          int length = 0;
          for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
              length = Integer.parseInt(line.substring(15).trim());
            }
          }
          in.readNBytes(length);
          out.write(answers.apply(requests.getAndIncrement()).getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          if (dropAfterEachAnswer || head.toLowerCase(Locale.ROOT).contains("connection: close")) {
            return;
          }
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      for (int b; (b = in.read()) >= 0; ) {
        head.write(b);
        if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
          return head.toString(StandardCharsets.ISO_8859_1);
        }
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
