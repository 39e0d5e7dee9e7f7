package dev.tempodesk.activities.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Dns;

/**
 * Where a webhook may post (the SSRF rule, one home). A URL must be http(s) with a host and no
 * user-info; every address its host stands for — the literal, or every address the name resolves to
 * — must be a public one. Loopback, link-local (cloud metadata included), private, shared (CGNAT)
 * and unique-local addresses are refused unless the subscription allows private networks (an
 * admin's explicit choice); addresses that are never a web server (unspecified, "this network",
 * multicast, broadcast, reserved, documentation, benchmarking) are refused always. The operator's
 * allow-list ({@code TEMPODESK_WEBHOOK_ALLOWED_NETWORKS}) lifts the rule for the networks it names.
 * The table is {@link SpecialAddresses}, made from the IANA special-purpose registries.
 *
 * <p>The URL check ({@link #refusal(URI, boolean)}) is what the API answers; the same rule guards
 * the connection itself through {@link #dns(boolean)}, so a name that resolves to a public address
 * when saved and to an inside one when posted (DNS rebinding) is still refused.
 */
public final class WebhookTargets {
  /** The environment variable of the operator's allow-list. */
  public static final String ALLOWED_NETWORKS_VARIABLE = "TEMPODESK_WEBHOOK_ALLOWED_NETWORKS";

  /** How a host name becomes addresses; {@link Dns#SYSTEM} outside tests. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  /** A connection refused by the rule: permanent, unlike a name that does not resolve today. */
  public static final class RefusedTarget extends UnknownHostException {
    public RefusedTarget(String reason) {
      super(reason);
    }
  }

  private final List<Cidr> allowedNetworks;
  private final Resolver resolver;

  public WebhookTargets(List<Cidr> allowedNetworks, Resolver resolver) {
    this.allowedNetworks = List.copyOf(allowedNetworks);
    this.resolver = resolver;
  }

  /** The rule with no allow-list and the system's DNS. */
  public static WebhookTargets standard() {
    return new WebhookTargets(List.of(), Dns.SYSTEM::lookup);
  }

  /**
   * The rule with the operator's allow-list: CIDRs separated by commas or spaces, blank = none.
   *
   * @throws IllegalArgumentException naming {@value #ALLOWED_NETWORKS_VARIABLE} when one is not a
   *     CIDR
   */
  public static WebhookTargets withAllowedNetworks(String allowedNetworks) {
    List<Cidr> networks = new ArrayList<>();
    if (allowedNetworks != null) {
      for (String entry : allowedNetworks.trim().split("[,\\s]+")) {
        if (entry.isEmpty()) {
          continue;
        }
        try {
          networks.add(Cidr.parse(entry));
        } catch (IllegalArgumentException bad) {
          throw new IllegalArgumentException(
              ALLOWED_NETWORKS_VARIABLE + ": " + bad.getMessage(), bad);
        }
      }
    }
    return new WebhookTargets(networks, Dns.SYSTEM::lookup);
  }

  public List<Cidr> allowedNetworks() {
    return allowedNetworks;
  }

  /**
   * Why a subscription may not post to {@code url}, or empty when it may. Resolves a host name (so
   * this may block briefly); a name that does not resolve is refused.
   */
  public Optional<String> refusal(URI url, boolean allowPrivateNetwork) {
    Optional<String> shape = shapeRefusal(url, allowPrivateNetwork);
    if (shape.isPresent() || literal(host(url)) != null) {
      return shape;
    }
    String name = host(url);
    try {
      return addressesRefusal(name, resolver.resolve(name), allowPrivateNetwork);
    } catch (UnknownHostException unknown) {
      return Optional.of("the host name " + name + " does not resolve");
    }
  }

  /**
   * The check of a URL without looking its name up: scheme, user-info, host, the name {@code
   * localhost}, and a literal address. The sender calls it before each post; {@link #dns} checks
   * the name's addresses as they are connected to.
   */
  public Optional<String> shapeRefusal(URI url, boolean allowPrivateNetwork) {
    if (url == null || !url.isAbsolute() || url.isOpaque()) {
      return Optional.of("must be an absolute http or https URL");
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must be an http or https URL (got " + scheme + ")");
    }
    if (url.getRawUserInfo() != null) {
      return Optional.of("must not carry a user name or password");
    }
    String host = host(url);
    if (host == null || host.isEmpty()) {
      return Optional.of("must name a host");
    }
    byte[] odd = SpecialAddresses.looseIpv4(host);
    if (odd != null && !SpecialAddresses.isDottedQuad(host)) {
      return Optional.of(
          "spells an IPv4 address in an ambiguous form ("
              + host
              + " can mean "
              + SpecialAddresses.format(odd)
              + "): write it as four decimal numbers");
    }
    InetAddress literal = literal(host);
    if (literal != null) {
      if (host.contains(":") && literal instanceof Inet4Address) {
        return Optional.of(
            "is an IPv4-mapped IPv6 address (of "
                + literal.getHostAddress()
                + "): write the IPv4 address itself");
      }
      return addressRefusal(literal, allowPrivateNetwork).map(reason -> host + " is " + reason);
    }
    if (!allowPrivateNetwork && (host.equals("localhost") || host.endsWith(".localhost"))) {
      return Optional.of("names this machine (" + host + ")");
    }
    return Optional.empty();
  }

  /** Why a post may not go to {@code address}, or empty when it may. */
  public Optional<String> addressRefusal(InetAddress address, boolean allowPrivateNetwork) {
    byte[] bytes = address.getAddress();
    for (Cidr allowed : allowedNetworks) {
      if (allowed.contains(bytes)) {
        return Optional.empty();
      }
    }
    return SpecialAddresses.classify(bytes)
        .filter(special -> !(allowPrivateNetwork && special.privateNetwork()))
        .map(SpecialAddresses.Special::describe);
  }

  /**
   * An OkHttp {@link Dns} that resolves with this rule's resolver and refuses ({@link
   * RefusedTarget}) when any address is not allowed, so the connection goes only where the rule
   * allows.
   */
  public Dns dns(boolean allowPrivateNetwork) {
    return hostname -> {
      String name = normalise(hostname);
      List<InetAddress> addresses = resolver.resolve(name);
      Optional<String> refused = addressesRefusal(name, addresses, allowPrivateNetwork);
      if (refused.isPresent()) {
        throw new RefusedTarget(refused.get());
      }
      return addresses;
    };
  }

  private Optional<String> addressesRefusal(
      String name, List<InetAddress> addresses, boolean allowPrivateNetwork) {
    if (addresses.isEmpty()) {
      return Optional.of("the host name " + name + " does not resolve");
    }
    for (InetAddress address : addresses) {
      Optional<String> refused = addressRefusal(address, allowPrivateNetwork);
      if (refused.isPresent()) {
        return Optional.of(
            name + " resolves to " + address.getHostAddress() + ", " + refused.get());
      }
    }
    return Optional.empty();
  }

  /** The host in lower case, without IPv6 brackets or a trailing dot. */
  private static String host(URI url) {
    String host = url.getHost();
    if (host == null) {
      // java.net.URI leaves the host out for names it does not like (e.g. with "_"); the
      // authority still has it.
      String authority = url.getRawAuthority();
      if (authority == null) {
        return null;
      }
      host = authority.replaceFirst("^.*@", "").replaceFirst(":\\d*$", "");
    }
    return normalise(host);
  }

  private static String normalise(String host) {
    String bare = host.toLowerCase(Locale.ROOT);
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    while (bare.endsWith(".")) {
      bare = bare.substring(0, bare.length() - 1);
    }
    return bare;
  }

  /** The address a literal host stands for, or null for a name. Never looks anything up. */
  static InetAddress literal(String host) {
    if (host == null) {
      return null;
    }
    if (host.contains(":")) {
      String withoutZone = host.replaceFirst("%.*$", "");
      if (!withoutZone.matches("[0-9a-f:.]+")) {
        return null;
      }
      try {
        return InetAddress.getByName(withoutZone); // a literal: no lookup
      } catch (UnknownHostException notAnAddress) {
        return null;
      }
    }
    byte[] v4 = SpecialAddresses.looseIpv4(host);
    if (v4 == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(v4);
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** An address block, e.g. {@code 10.20.0.0/16} or {@code fd12::/48}. */
  public record Cidr(byte[] network, int prefixLength, String text) {

    public static Cidr parse(String text) {
      String[] parts = text.trim().split("/", -1);
      if (parts.length > 2) {
        throw new IllegalArgumentException("'" + text + "' is not an address block");
      }
      InetAddress address =
          parts[0].contains(":") ? literal(parts[0].toLowerCase(Locale.ROOT)) : null;
      if (!parts[0].contains(":") && SpecialAddresses.isDottedQuad(parts[0])) {
        address = literal(parts[0]);
      }
      if (address == null) {
        throw new IllegalArgumentException(
            "'" + text + "' is not an address block (e.g. 10.20.0.0/16 or fd12::/48)");
      }
      byte[] bytes = address.getAddress();
      if (parts[0].contains(":") && bytes.length == 4) {
        bytes = SpecialAddresses.mapped(bytes);
      }
      int bits = bytes.length * 8;
      int prefix;
      try {
        prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
      } catch (NumberFormatException notANumber) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
      }
      return new Cidr(bytes, prefix, text.trim());
    }

    public boolean contains(byte[] address) {
      byte[] candidate = address;
      if (candidate.length != network.length) {
        if (network.length == 16 && candidate.length == 4) {
          candidate = SpecialAddresses.mapped(candidate);
        } else {
          return false;
        }
      }
      return SpecialAddresses.prefixMatches(network, candidate, prefixLength);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Cidr cidr
          && prefixLength == cidr.prefixLength
          && Arrays.equals(network, cidr.network);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
