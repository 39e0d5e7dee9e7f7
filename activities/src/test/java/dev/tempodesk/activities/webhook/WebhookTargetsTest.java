package dev.tempodesk.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

  /** Names a test DNS answers, some pointing inside (what an attacker's zone would do). */
  private static final Map<String, List<String>> ZONE =
      Map.of(
          "hooks.example.com", List.of("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
          "inside.example.com", List.of("10.1.2.3"),
          "metadata.example.com", List.of("169.254.169.254"),
          "mixed.example.com", List.of("93.184.215.14", "127.0.0.1"),
          "v6-loop.example.com", List.of("::1"),
          "ula.example.com", List.of("fd12:3456::1"),
          "mapped.example.com", List.of("::ffff:192.168.1.1"),
          "rebinding.example.com", List.of("127.0.0.1"),
          "localhost", List.of("127.0.0.1", "::1"));

  private static final WebhookTargets.Resolver RESOLVER =
      host -> {
        List<String> answers = ZONE.get(host);
        if (answers == null) {
          throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String answer : answers) {
          addresses.add(InetAddress.getByName(answer));
        }
        return addresses;
      };

  private final WebhookTargets targets = new WebhookTargets(List.of(), RESOLVER);

  private static URI url(String text) {
    return URI.create(text);
  }

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // loopback, every spelling
        "http://127.0.0.1/hook | loopback",
        "http://127.1.2.3/hook | loopback",
        "http://[::1]/hook | loopback",
        "http://0177.0.0.1/hook | ambiguous form (0177.0.0.1 can mean 127.0.0.1)",
        "http://2130706433/hook | ambiguous form (2130706433 can mean 127.0.0.1)",
        "http://0x7f.1/hook | can mean 127.0.0.1",
        "http://127.1/hook | can mean 127.0.0.1",
        "http://[::ffff:127.0.0.1]/hook | IPv4-mapped IPv6 address (of 127.0.0.1)",
        "http://[::ffff:7f00:1]/hook | IPv4-mapped IPv6 address (of 127.0.0.1)",
        "http://[0:0:0:0:0:ffff:a9fe:a9fe]/ | IPv4-mapped IPv6 address (of 169.254.169.254)",
        "http://[::127.0.0.1]/hook | IPv4-compatible IPv6 address",
        "http://localhost/hook | names this machine (localhost)",
        "http://LOCALHOST./hook | names this machine (localhost)",
        "http://api.localhost/hook | names this machine (api.localhost)",
        // private (RFC 1918), shared (RFC 6598), link-local (RFC 3927), unique-local (RFC 4193)
        "http://10.0.0.1/ | a private network (10.0.0.0/8, RFC 1918)",
        "http://172.16.0.1/ | a private network (172.16.0.0/12, RFC 1918)",
        "http://172.31.255.255/ | a private network (172.16.0.0/12, RFC 1918)",
        "http://192.168.1.1:8080/ | a private network (192.168.0.0/16, RFC 1918)",
        "http://100.64.0.1/ | shared address space (CGNAT)",
        "http://169.254.1.1/ | link-local (169.254.0.0/16, RFC 3927)",
        "http://169.254.169.254/latest/meta-data/ | a cloud metadata endpoint",
        "http://[fd00:ec2::254]/ | a cloud metadata endpoint",
        "http://[fe80::1]/ | link-local (fe80::/10",
        "http://[fe80::1%25eth0]/ | link-local (fe80::/10",
        "http://[fd12:3456::1]/ | a unique-local network (fc00::/7, RFC 4193)",
        "http://[fc00::1]/ | a unique-local network",
        "http://[64:ff9b::a00:1]/ | a private network (10.0.0.1 inside an IPv6 address)",
        "http://[2002:c0a8:101::1]/ | a private network (192.168.1.1 inside an IPv6 address)",
        // never a web server
        "http://0.0.0.0/ | \"this network\"",
        "http://0.1.2.3/ | \"this network\"",
        "http://[::]/ | unspecified",
        "http://224.0.0.1/ | multicast",
        "http://[ff02::1]/ | multicast",
        "http://255.255.255.255/ | limited broadcast",
        "http://240.0.0.1/ | reserved",
        "http://192.0.2.10/ | documentation (TEST-NET-1)",
        "http://198.18.0.1/ | benchmarking",
        "http://[2001:db8::1]/ | documentation",
        "http://[2001::1]/ | Teredo",
        "http://[100::1]/ | discard-only",
        // shape
        "ftp://hooks.example.com/ | must be an http or https URL (got ftp)",
        "file:///etc/passwd | must be an http or https URL (got file)",
        "http:///no-host | must name a host",
        "gopher://127.0.0.1/ | must be an http or https URL",
        "https://user:pw@hooks.example.com/ | must not carry a user name or password",
        "/relative/hook | must be an absolute http or https URL",
        "mailto:ops@example.com | must be an absolute http or https URL",
        // names whose DNS answers point inside
        "https://inside.example.com/ | inside.example.com resolves to 10.1.2.3, a private network",
        "https://metadata.example.com/ | resolves to 169.254.169.254, a cloud metadata endpoint",
        "https://mixed.example.com/ | mixed.example.com resolves to 127.0.0.1, loopback",
        "https://v6-loop.example.com/ | resolves to 0:0:0:0:0:0:0:1, loopback",
        "https://ula.example.com/ | a unique-local network",
        "https://mapped.example.com/ | resolves to 192.168.1.1, a private network",
        "https://inside.example.com./ | inside.example.com resolves to 10.1.2.3",
        "https://nowhere.example.com/ | the host name nowhere.example.com does not resolve",
      })
  void refusesTargetsInsideOrNowhere(String url, String reason) {
    assertThat(targets.refusal(url(url.trim()), false))
        .hasValueSatisfying(refusal -> assertThat(refusal).contains(reason.trim()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://hooks.example.com/tempodesk",
        "http://hooks.example.com:8080/x?y=1",
        "https://HOOKS.example.com./",
        "https://93.184.215.14/hook",
        "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook",
        "http://192.0.0.9/", // PCP anycast: globally reachable inside 192.0.0.0/24
        "http://[64:ff9b::5db8:d70e]/", // NAT64 of a public address
      })
  void allowsPublicTargets(String url) {
    assertThat(targets.refusal(url(url), false)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9000/hook",
        "http://localhost:9000/hook",
        "http://[::1]:9000/hook",
        "http://10.0.0.5/",
        "http://169.254.1.1/",
        "http://[fd12:3456::1]/",
        "https://inside.example.com/",
        "https://rebinding.example.com/",
      })
  void allowsPrivateNetworksWhenTheSubscriptionAllowsThem(String url) {
    assertThat(targets.refusal(url(url), true)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "https://metadata.example.com/",
        "http://0.0.0.0/",
        "http://[::]/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://0177.0.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "ftp://127.0.0.1/",
      })
  void refusesWhatIsNeverAWebServerEvenWithPrivateNetworksAllowed(String url) {
    assertThat(targets.refusal(url(url), true)).isPresent();
  }

  @Test
  void theOperatorsAllowListLiftsTheRuleForItsNetworksOnly() {
    WebhookTargets allowList =
        new WebhookTargets(
            List.of(
                WebhookTargets.Cidr.parse("10.20.0.0/16"),
                WebhookTargets.Cidr.parse("fd12:3456::/32")),
            RESOLVER);

    assertThat(allowList.refusal(url("http://10.20.30.40/hook"), false)).isEmpty();
    assertThat(allowList.refusal(url("http://[fd12:3456::1]/"), false)).isEmpty();
    assertThat(allowList.refusal(url("http://10.21.0.1/hook"), false)).isPresent();
    assertThat(allowList.refusal(url("https://inside.example.com/"), false)).isPresent();
  }

  @Test
  void theAllowListComesFromTheEnvironmentVariableAndMistakesNameIt() {
    WebhookTargets fromEnvironment =
        WebhookTargets.withAllowedNetworks(" 10.20.0.0/16, 192.168.7.7  fd00::/8 ");
    assertThat(fromEnvironment.allowedNetworks())
        .extracting(WebhookTargets.Cidr::toString)
        .containsExactly("10.20.0.0/16", "192.168.7.7", "fd00::/8");
    assertThat(WebhookTargets.withAllowedNetworks("").allowedNetworks()).isEmpty();
    assertThat(WebhookTargets.withAllowedNetworks(null).allowedNetworks()).isEmpty();

    for (String bad : List.of("10.20.0.0/33", "intranet", "10.0.0.0/x", "010.0.0.0/8", "::/129")) {
      assertThatThrownBy(() -> WebhookTargets.withAllowedNetworks(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("TEMPODESK_WEBHOOK_ALLOWED_NETWORKS")
          .hasMessageContaining(bad);
    }
  }

  @Test
  void theConnectionsDnsRefusesANameThatNowPointsInside() throws Exception {
    // Saved while it resolved outside; by the time of the post it answers 127.0.0.1.
    okhttp3.Dns dns = targets.dns(false);

    assertThat(dns.lookup("hooks.example.com")).hasSize(2);
    assertThatThrownBy(() -> dns.lookup("rebinding.example.com"))
        .isInstanceOf(WebhookTargets.RefusedTarget.class)
        .hasMessageContaining("rebinding.example.com resolves to 127.0.0.1, loopback");
    assertThatThrownBy(() -> dns.lookup("mixed.example.com"))
        .isInstanceOf(WebhookTargets.RefusedTarget.class);
    assertThatThrownBy(() -> dns.lookup("nowhere.example.com"))
        .isInstanceOf(UnknownHostException.class)
        .isNotInstanceOf(WebhookTargets.RefusedTarget.class);
    assertThat(targets.dns(true).lookup("rebinding.example.com")).hasSize(1);
    assertThatThrownBy(() -> targets.dns(true).lookup("metadata.example.com"))
        .isInstanceOf(WebhookTargets.RefusedTarget.class);
  }

  @Test
  void theShapeCheckLooksNothingUp() {
    assertThat(targets.shapeRefusal(url("https://nowhere.example.com/"), false)).isEmpty();
    assertThat(targets.shapeRefusal(url("http://127.0.0.1/"), false)).isPresent();
  }
}
