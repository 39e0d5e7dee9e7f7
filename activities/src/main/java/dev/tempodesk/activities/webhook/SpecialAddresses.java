package dev.tempodesk.activities.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The address blocks a webhook may not post to, from the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (RFC 6890 and the RFCs they list) plus multicast and the cloud metadata endpoints.
 * Blocks the registries mark globally reachable (e.g. 192.0.0.9/32, 64:ff9b::/96) are not refused;
 * addresses that embed an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by the IPv4 address
 * they carry.
 */
final class SpecialAddresses {

  /** A refused block: {@code privateNetwork} blocks are allowed when a subscription allows so. */
  record Special(String block, String name, String reference, boolean privateNetwork) {
    String describe() {
      return name
          + " ("
          + block
          + ", "
          + reference
          + ")"
          + (privateNetwork ? ", allowed only when the subscription allows private networks" : "");
    }
  }

  private record Row(byte[] network, int prefix, Special special) {}

  private static final boolean PRIVATE = true;
  private static final boolean NEVER = false;

  /** Most specific first, so the narrowest name wins (metadata before link-local). */
  private static final List<Row> TABLE =
      List.of(
              // IPv4 (iana-ipv4-special-registry; multicast from RFC 5771)
              row("0.0.0.0/8", "\"this network\"", "RFC 791", NEVER),
              row("10.0.0.0/8", "a private network", "RFC 1918", PRIVATE),
              row("100.64.0.0/10", "shared address space (CGNAT)", "RFC 6598", PRIVATE),
              row("100.100.100.200/32", "a cloud metadata endpoint", "Alibaba Cloud", NEVER),
              row("127.0.0.0/8", "loopback", "RFC 1122", PRIVATE),
              row("169.254.0.0/16", "link-local", "RFC 3927", PRIVATE),
              row("169.254.169.254/32", "a cloud metadata endpoint", "AWS/GCP/Azure", NEVER),
              row("172.16.0.0/12", "a private network", "RFC 1918", PRIVATE),
              row("192.0.0.0/24", "IETF protocol assignments", "RFC 6890", NEVER),
              row("192.0.0.9/32", null, "RFC 7723", NEVER),
              row("192.0.0.10/32", null, "RFC 8155", NEVER),
              row("192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737", NEVER),
              row("192.88.99.0/24", "6to4 relay anycast", "RFC 7526", NEVER),
              row("192.168.0.0/16", "a private network", "RFC 1918", PRIVATE),
              row("198.18.0.0/15", "benchmarking", "RFC 2544", NEVER),
              row("198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737", NEVER),
              row("203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737", NEVER),
              row("224.0.0.0/4", "multicast", "RFC 5771", NEVER),
              row("240.0.0.0/4", "reserved", "RFC 1112", NEVER),
              row("255.255.255.255/32", "limited broadcast", "RFC 919", NEVER),
              // IPv6 (iana-ipv6-special-registry; multicast from RFC 4291)
              row("::/128", "unspecified", "RFC 4291", NEVER),
              row("::1/128", "loopback", "RFC 4291", PRIVATE),
              row("::/96", "an IPv4-compatible IPv6 address (deprecated)", "RFC 4291", NEVER),
              row("64:ff9b:1::/48", "local-use IPv4/IPv6 translation", "RFC 8215", PRIVATE),
              row("100::/64", "discard-only", "RFC 6666", NEVER),
              row("2001::/23", "IETF protocol assignments", "RFC 2928", NEVER),
              row("2001::/32", "Teredo", "RFC 4380", NEVER),
              row("2001:1::1/128", null, "RFC 7723", NEVER),
              row("2001:1::2/128", null, "RFC 8155", NEVER),
              row("2001:3::/32", null, "RFC 7450", NEVER),
              row("2001:4:112::/48", null, "RFC 7535", NEVER),
              row("2001:20::/28", null, "RFC 7343", NEVER),
              row("2001:db8::/32", "documentation", "RFC 3849", NEVER),
              row("3fff::/20", "documentation", "RFC 9637", NEVER),
              row("5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602", NEVER),
              row("fc00::/7", "a unique-local network", "RFC 4193", PRIVATE),
              row("fd00:ec2::254/128", "a cloud metadata endpoint", "AWS", NEVER),
              row("fe80::/10", "link-local", "RFC 4291", PRIVATE),
              row("fec0::/10", "site-local (deprecated)", "RFC 3879", PRIVATE),
              row("ff00::/8", "multicast", "RFC 4291", NEVER))
          .stream()
          .sorted(Comparator.comparingInt(Row::prefix).reversed())
          .toList();

  private SpecialAddresses() {}

  /**
   * The refused block {@code address} (4 or 16 bytes) is in, or empty for a public address. An
   * address that embeds an IPv4 address is judged by it.
   */
  static Optional<Special> classify(byte[] address) {
    byte[] embedded = embeddedIpv4(address);
    if (embedded != null) {
      return classify(embedded)
          .map(
              special ->
                  new Special(
                      special.block(),
                      special.name() + " (" + format(embedded) + " inside an IPv6 address)",
                      special.reference(),
                      special.privateNetwork()));
    }
    for (Row row : TABLE) {
      if (row.network().length == address.length
          && prefixMatches(row.network(), address, row.prefix())) {
        // A row without a name is a globally reachable block inside a refused one.
        return row.special().name() == null ? Optional.empty() : Optional.of(row.special());
      }
    }
    return Optional.empty();
  }

  /** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) or 6to4. */
  static byte[] embeddedIpv4(byte[] address) {
    if (address.length != 16) {
      return null;
    }
    if (allZero(address, 0, 10) && address[10] == (byte) 0xff && address[11] == (byte) 0xff) {
      return Arrays.copyOfRange(address, 12, 16);
    }
    if (address[0] == 0
        && address[1] == 0x64
        && address[2] == (byte) 0xff
        && address[3] == (byte) 0x9b
        && allZero(address, 4, 12)) {
      return Arrays.copyOfRange(address, 12, 16);
    }
    if (address[0] == 0x20 && address[1] == 0x02) {
      return Arrays.copyOfRange(address, 2, 6);
    }
    return null;
  }

  static byte[] mapped(byte[] ipv4) {
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xff;
    v6[11] = (byte) 0xff;
    System.arraycopy(ipv4, 0, v6, 12, 4);
    return v6;
  }

  static boolean prefixMatches(byte[] network, byte[] address, int prefix) {
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (network[i] != address[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (network[full] & mask) == (address[full] & mask);
  }

  /** {@code a.b.c.d} with four decimal numbers 0..255 and no leading zeros: the one clear form. */
  static boolean isDottedQuad(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * The IPv4 address a host spells the way inet_aton and browsers read it — one to four parts, each
   * decimal, octal (leading 0) or hexadecimal (0x), the last filling the remaining bytes: so {@code
   * 0177.0.0.1}, {@code 2130706433}, {@code 0x7f.1} are all 127.0.0.1. Null when the host is not
   * such a number.
   */
  static byte[] looseIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length > 4) {
      return null;
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Long value = number(parts[i]);
      if (value == null) {
        return null;
      }
      values[i] = value;
    }
    long result = 0;
    for (int i = 0; i < values.length - 1; i++) {
      if (values[i] > 255) {
        return null;
      }
      result |= values[i] << (8 * (3 - i));
    }
    long last = values[values.length - 1];
    int lastBytes = 5 - values.length;
    if (last >= 1L << (8 * lastBytes)) {
      return null;
    }
    result |= last;
    return new byte[] {
      (byte) (result >>> 24), (byte) (result >>> 16), (byte) (result >>> 8), (byte) result
    };
  }

  private static Long number(String part) {
    try {
      if (part.startsWith("0x")) {
        return part.length() == 2 ? 0L : checked(Long.parseLong(part.substring(2), 16), part);
      }
      if (part.length() > 1 && part.startsWith("0")) {
        return part.matches("[0-7]+") ? checked(Long.parseLong(part, 8), part) : null;
      }
      return part.matches("[0-9]+") ? checked(Long.parseLong(part), part) : null;
    } catch (NumberFormatException tooLongOrNotANumber) {
      return null;
    }
  }

  private static Long checked(long value, String part) {
    return part.length() > 12 || value > 0xffffffffL ? null : value;
  }

  static String format(byte[] address) {
    try {
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static Row row(String block, String name, String reference, boolean privateNetwork) {
    WebhookTargets.Cidr cidr = WebhookTargets.Cidr.parse(block);
    return new Row(
        cidr.network(), cidr.prefixLength(), new Special(block, name, reference, privateNetwork));
  }
}
