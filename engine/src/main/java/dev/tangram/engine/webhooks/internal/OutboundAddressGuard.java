package dev.tangram.engine.webhooks.internal;

import dev.tangram.engine.common.ValidationException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps webhooks from being pointed at the inside (SSRF): a URL whose host resolves to a loopback,
 * private, link-local (cloud metadata), carrier-grade NAT, multicast or otherwise non-public address
 * is refused, unless the host or the address is allow-listed by an admin. Checked when a
 * subscription is saved and again before every request, on the addresses the request then connects
 * to, so a name that re-resolves to an inside address later (DNS rebinding) is caught.
 */
public final class OutboundAddressGuard {

  /** Resolves a host name; replaceable in tests to play DNS rebinding. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Set<String> allowed;
  private final Resolver resolver;

  public OutboundAddressGuard(Set<String> allowedHosts, Resolver resolver) {
    this.allowed = allowedHosts;
    this.resolver = resolver;
  }

  /** Checks a URL given by a user; throws a field error on {@code field}. */
  public URI checkUrl(String field, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ValidationException.of(field, "url", "'" + url + "' is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw ValidationException.of(field, "url", "The URL must start with https:// or http://");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw ValidationException.of(field, "url", "The URL needs a host and may carry neither user info nor a fragment");
    }
    try {
      resolve(uri);
    } catch (RefusedAddressException e) {
      throw ValidationException.of(field, "forbiddenAddress", e.getMessage());
    }
    return uri;
  }

  /**
   * The address to connect to for {@code uri}: every address the host resolves to must be allowed,
   * and the caller connects to the returned one, not to the name.
   */
  public InetAddress resolve(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new RefusedAddressException("Host '" + host + "' does not resolve");
    }
    if (addresses.length == 0) {
      throw new RefusedAddressException("Host '" + host + "' does not resolve");
    }
    boolean hostAllowed = allowed.contains(host);
    for (InetAddress address : addresses) {
      if (!hostAllowed && !allowed.contains(address.getHostAddress()) && !isPublic(address)) {
        throw new RefusedAddressException("Host '" + host + "' resolves to " + address.getHostAddress()
            + ", which is not a public address; an admin may allow it in tangram.webhooks.allowed-hosts");
      }
    }
    return addresses[0];
  }

  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local, e.g. fd00:ec2::254 (AWS metadata over IPv6)
      }
      if (isPrefix(b, new byte[12]) || isPrefix(b, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})
          || isPrefix(b, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff})) {
        // IPv4-compatible, NAT64 and IPv4-mapped forms: judge the IPv4 address inside
        return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
      }
      return first != 0x20 || (b[1] & 0xff) != 0x01 || (b[2] & 0xff) != 0x0d || (b[3] & 0xff) != 0xb8; // 2001:db8::/32 documentation
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
        || (a0 == 100 && a1 >= 64 && a1 <= 127)      // carrier-grade NAT, e.g. 100.100.100.200 (a cloud's metadata)
        || (a0 == 169 && a1 == 254)                   // link-local, 169.254.169.254 metadata
        || (a0 == 172 && a1 >= 16 && a1 <= 31)
        || (a0 == 192 && a1 == 168)
        || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
        || (a0 == 198 && (a1 == 18 || a1 == 19))
        || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113));
  }

  private static boolean isPrefix(byte[] address, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (address[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** An address the guard refuses at send time. */
  public static final class RefusedAddressException extends RuntimeException {
    public RefusedAddressException(String message) {
      super(message);
    }
  }
}
