package dev.tangram.engine.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.common.ValidationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SSRF: inside addresses are refused unless allow-listed, whatever name leads to them. */
class OutboundAddressGuardTests {

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private final OutboundAddressGuard guard = new OutboundAddressGuard(Set.of("hooks.internal", "10.1.2.3"),
      host -> switch (host) {
        case "example.com" -> new InetAddress[] {ip("93.184.215.14")};
        case "evil.example" -> new InetAddress[] {ip("93.184.215.14"), ip("169.254.169.254")};
        case "hooks.internal" -> new InetAddress[] {ip("10.9.9.9")};
        default -> InetAddress.getAllByName(host);
      });

  @Test
  void insideAddressesAreRefused() {
    for (String host : new String[] {"127.0.0.1", "localhost", "10.0.0.5", "172.16.1.1", "192.168.0.1", "169.254.169.254",
        "100.100.100.200", "0.0.0.0", "[::1]", "[fd00:ec2::254]", "[fe80::1]", "[::ffff:127.0.0.1]", "[64:ff9b::a9fe:a9fe]", "224.0.0.1"}) {
      assertThatThrownBy(() -> guard.checkUrl("url", "http://" + host + "/hook")).as(host)
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().code()).isEqualTo("forbiddenAddress"));
    }
  }

  @Test
  void aNameWithAnyInsideAddressIsRefused() {
    assertThatThrownBy(() -> guard.checkUrl("url", "https://evil.example/x")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("169.254.169.254");
  }

  @Test
  void publicAddressesAndAllowListedHostsPass() {
    assertThat(guard.resolve(URI.create("https://example.com/hook")).getHostAddress()).isEqualTo("93.184.215.14");
    assertThat(guard.resolve(URI.create("http://hooks.internal:8080/x")).getHostAddress()).isEqualTo("10.9.9.9");
    assertThat(guard.resolve(URI.create("http://10.1.2.3/x")).getHostAddress()).isEqualTo("10.1.2.3");
  }

  @Test
  void badUrlsAreFieldErrors() {
    for (String url : new String[] {"ftp://example.com/", "example.com/hook", "https://user:pw@example.com/", "http://", "https://nonexistent.invalid/"}) {
      assertThatThrownBy(() -> guard.checkUrl("url", url)).as(url).isInstanceOf(ValidationException.class);
    }
  }
}
