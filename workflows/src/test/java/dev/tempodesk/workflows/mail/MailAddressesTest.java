package dev.tempodesk.workflows.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The address parser against the RFCs' own examples (RFC 5322 section 3.4 and Appendix A, the
 * obsolete forms of section 4.4, RFC 2047 section 8, RFC 6531 / IDNA domains) and shapes seen in
 * real mail. Expected IDN A-labels were taken from Python's independent {@code idna} codec.
 */
public class MailAddressesTest {

  /**
   * A single address: input, canonical address (null: refused), display name or problem. Also read
   * by the API's tests: every address accepted here must be accepted and stored through the API.
   */
  public static Stream<Arguments> singles() {
    return Stream.of(
        // RFC 5322 Appendix A.1.1 / A.1.2
        ok(
            "\"Joe Q. Public\" <john.q.public@example.com>",
            "john.q.public@example.com",
            "Joe Q. Public"),
        ok("Mary Smith <mary@x.test>", "mary@x.test", "Mary Smith"),
        ok("jdoe@example.org", "jdoe@example.org", null),
        ok("Who? <one@y.test>", "one@y.test", "Who?"),
        ok("<boss@nil.test>", "boss@nil.test", null),
        ok(
            "\"Giant; \\\"Big\\\" Box\" <sysservices@example.net>",
            "sysservices@example.net",
            "Giant; \"Big\" Box"),
        // RFC 5322 Appendix A.5: comments and white space everywhere
        ok(
            "Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>",
            "pete@silly.test",
            "Pete"),
        ok("jane@example.org (Jane Doe)", "jane@example.org", "Jane Doe"),
        ok("<pete(his account)@silly.test(his host)>", "pete@silly.test", null),
        ok("(work) jane@example.org", "jane@example.org", null),
        ok("  jane @ example.org  ", "jane@example.org", null),
        // RFC 5322 section 3.4.1: quoted local parts are the same mailbox as their content
        ok("\"john\"@example.org", "john@example.org", null),
        ok("\"q z\"@example.org", "\"q z\"@example.org", null),
        ok("\"Doe, Jane\"@example.org", "\"doe, jane\"@example.org", null),
        ok("\"a@b\"@example.org", "\"a@b\"@example.org", null),
        ok("\"\\\"quoted\\\"\"@x.test", "\"\\\"quoted\\\"\"@x.test", null),
        ok("\"back\\\\slash\"@x.test", "\"back\\\\slash\"@x.test", null),
        // RFC 5322 section 4.4 / A.6: obsolete forms
        ok(
            "Joe Q. Public <john.q.public@example.com>",
            "john.q.public@example.com",
            "Joe Q. Public"),
        ok("Mary Smith <@node.test:mary@example.net>", "mary@example.net", "Mary Smith"),
        ok("<@a.test,@b.test:joe@c.test>", "joe@c.test", null),
        ok("jdoe@test  . example", "jdoe@test.example", null),
        ok("John Doe <jdoe@machine(comment).  example>", "jdoe@machine.example", "John Doe"),
        ok("Mary Smith\r\n    \r\n <mary@example.net>", "mary@example.net", "Mary Smith"),
        ok("\"john\".doe@example.org", "john.doe@example.org", null),
        ok("john . doe@example.org", "john.doe@example.org", null),
        ok("\"a b\".c@example.org", "\"a b.c\"@example.org", null),
        // RFC 2047 section 8 and real-world encoded words
        ok("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>", "moore@cs.utk.edu", "Keith Moore"),
        ok(
            "=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>",
            "keld@dkuug.dk",
            "Keld Jørn Simonsen"),
        ok(
            "=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>",
            "pirard@vm1.ulg.ac.be",
            "André Pirard"),
        ok(
            "=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?="
                + " =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?= <x@example.org>",
            "x@example.org",
            "If you can read this you understand the example."),
        ok("x@example.org (=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "x@example.org", "ab"),
        ok("x@example.org (=?ISO-8859-1?Q?a?= b)", "x@example.org", "a b"),
        ok("=?UTF-8?B?SsM=?= =?UTF-8?B?tnJn?= <j@x.test>", "j@x.test", "Jörg"),
        ok("\"=?UTF-8?Q?J=C3=B6rg_M=C3=BCller?=\" <jm@x.test>", "jm@x.test", "Jörg Müller"),
        ok("=?utf-8*de?q?Gr=C3=BC=C3=9Fe?= <g@x.test>", "g@x.test", "Grüße"),
        ok("=?x-unknown?Q?abc?= <a@x.test>", "a@x.test", "=?x-unknown?Q?abc?="),
        // RFC 6531 / IDNA: the domain as its A-label, Unicode and punycode compare equal
        ok("user@bücher.example", "user@xn--bcher-kva.example", null),
        ok("user@XN--BCHER-KVA.example", "user@xn--bcher-kva.example", null),
        ok("JÖRG@Bücher.Example", "jörg@xn--bcher-kva.example", null),
        ok("用户@例子.广告", "用户@xn--fsqu00a.xn--4rr70v", null),
        ok("θσερ@εχαμπλε.ψομ", "θσερ@xn--mxahbxey0c.xn--xxaf0a", null),
        ok("Иван <иван@пример.рф>", "иван@xn--e1afmkfd.xn--p1ai", "Иван"),
        ok("me@münchen.DE.", "me@xn--mnchen-3ya.de", null),
        // upper case, trailing dots, literals
        ok("John.Doe@Example.ORG", "john.doe@example.org", null),
        ok("\"Q Z\"@EXAMPLE.org", "\"q z\"@example.org", null),
        ok("a@example.org.", "a@example.org", null),
        ok("jane@[192.0.2.1]", "jane@[192.0.2.1]", null),
        ok("jane@[IPv6:2001:db8::1]", "jane@[ipv6:2001:db8::1]", null),
        ok("root@localhost", "root@localhost", null),
        ok("jane@exa_mple.org", "jane@exa_mple.org", null),
        // odd but real
        ok("abc.@docomo.ne.jp", "\"abc.\"@docomo.ne.jp", null),
        ok("a..b@ezweb.ne.jp", "\"a..b\"@ezweb.ne.jp", null),
        ok("john@x.com <john@x.com>", "john@x.com", "john@x.com"),
        ok("\"Doe, Jane\" <jane@example.org>", "jane@example.org", "Doe, Jane"),
        ok("Ja\u0007ne\u0000 <jane@example.org>", "jane@example.org", "Ja ne"),
        ok("Support: Jane <jane@example.org>", "jane@example.org", "Jane"),
        ok("Team: a@x.test;", "a@x.test", null),
        ok("Name <mailto:User@Example.org>", "user@example.org", "Name"),
        ok(
            "\"support@evil.example\" <real@example.org>",
            "real@example.org",
            "support@evil.example"),
        ok("a".repeat(64) + "@example.org", "a".repeat(64) + "@example.org", null),
        ok(atLength(254), atLength(254), null),
        // refused, with the reason
        refused("", "empty"),
        refused("   ", "empty"),
        refused(null, "empty"),
        refused("Jane Doe", "display name only"),
        refused("undisclosed-recipients:;", "empty group"),
        refused("a@x.test, b@y.test", "several addresses"),
        refused("a@x.test; b@y.test", "several addresses"),
        refused("Doe, Jane <jane@example.org>", "several addresses"),
        refused("q z@example.org", "unquoted space"),
        refused("\"q z@example.org", "unbalanced quotes"),
        refused("q z\"@example.org", "unbalanced quotes"),
        refused("<jane@example.org", "'<' is not closed"),
        refused("jane@example.org>", "'>' without '<'"),
        refused("<<jane@example.org>>", "'<' inside"),
        refused("Jane (Doe <jane@example.org>", "comment is not closed"),
        refused("jane@example.org)", "parentheses"),
        refused("jane@[192.0.2.1", "brackets"),
        refused("<jane@example.org> trailing", "after the closing"),
        refused("<>", "empty address"),
        refused("(just a comment)", "no address"),
        refused("@example.org", "nothing before"),
        refused("jane@", "nothing after"),
        refused("a@b@example.org", "more than one '@'"),
        refused("a\\b@example.org", "backslash"),
        refused("jane@exa mple.org", "space in the domain"),
        refused("jane@example..org", "empty label"),
        refused("jane@.example.org", "empty label"),
        refused("jane@example.org..", "empty label"),
        refused("jane@exa!mple.org", "host name label"),
        refused("jane@\"example\".org", "must be a host name"),
        refused("\"\"@example.org", "empty local part"),
        refused("ja\u0000ne@example.org", "NUL"),
        refused("\"ja\u0001ne\"@example.org", "U+0001"),
        refused("jane@exam\u0007ple.org", "U+0007"),
        refused("\"line\u2028break\"@example.org", "U+2028"),
        refused("\"c1\u0085\"@example.org", "U+0085"),
        refused("ja\ud800ne@example.org", "unpaired UTF-16 surrogate (U+D800)"),
        refused("\"q \udc00\"@example.org", "unpaired UTF-16 surrogate (U+DC00)"),
        refused("jane\ud83d@example.org", "unpaired"),
        ok("fire\ud83d\udd25@example.org", "fire\ud83d\udd25@example.org", null),
        ok("\"no\u00a0break\"@example.org", "\"no\u00a0break\"@example.org", null),
        refused("a".repeat(65) + "@example.org", "local part is 65 octets"),
        refused(atLength(255), "255 octets"),
        refused(atLength(300), "300 octets"),
        refused("jane@" + "b".repeat(64) + ".org", "63"),
        refused("jane@[not a literal]", "address literal"),
        refused("<@route-without-colon jane@example.org>", "route"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("singles")
  void readsOneAddress(String input, String canonical, String nameOrProblem) {
    ParsedAddress parsed = MailAddresses.parse(input);
    if (canonical == null) {
      assertThat(parsed.isValid()).as("refused").isFalse();
      assertThat(parsed.problem()).containsIgnoringCase(nameOrProblem);
      assertThatThrownBy(parsed::orElseThrow)
          .isInstanceOf(InvalidAddressException.class)
          .hasMessageContaining(parsed.problem());
    } else {
      assertThat(parsed.problem()).isNull();
      assertThat(parsed.address()).isEqualTo(new MailAddress(canonical, nameOrProblem));
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("singles")
  void canonicalFormReadsBackToItself(String input, String canonical, String name) {
    if (canonical == null) {
      return;
    }
    MailAddress address = new MailAddress(canonical, name);
    assertThat(MailAddresses.parse(canonical).address()).isEqualTo(address.withoutName());
    assertThat(MailAddresses.parse(address.formatted()).address()).isEqualTo(address);
  }

  @Test
  void readsTheListsOfRfc5322AppendixA() {
    assertThat(addresses("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>"))
        .containsExactly("mary@x.test", "jdoe@example.org", "one@y.test");
    assertThat(addresses("<boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>"))
        .containsExactly("boss@nil.test", "sysservices@example.net");
    assertThat(addresses("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;"))
        .containsExactly("c@a.test", "joe@where.test", "jdoe@one.test");
    assertThat(MailAddresses.parseList("Undisclosed recipients:;")).isEmpty();
    assertThat(
            MailAddresses.parseList(
                "A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n"
                    + "         joe@example.org,\r\n  John <jdoe@one.test> (my dear friend);"
                    + " (the end of the group)"))
        .extracting(ParsedAddress::address)
        .containsExactly(
            new MailAddress("c@public.example", "Chris Jones"),
            new MailAddress("joe@example.org", null),
            new MailAddress("jdoe@one.test", "John"));
    assertThat(
            MailAddresses.parseList(
                "(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;"))
        .isEmpty();
    // A.6.1: an obsolete route and an empty list element
    assertThat(addresses("Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example"))
        .containsExactly("mary@example.net", "jdoe@test.example");
  }

  @Test
  void aSemicolonOutsideAGroupSeparatesAddresses() {
    assertThat(addresses("a@example.org; b@example.org"))
        .containsExactly("a@example.org", "b@example.org");
    assertThat(addresses("Team: a@example.org; b@example.org"))
        .containsExactly("a@example.org", "b@example.org");
  }

  @Test
  void aBrokenElementDoesNotTakeTheOthersWithIt() {
    List<ParsedAddress> parsed =
        MailAddresses.parseList("Doe, Jane <jane@example.org>, q z@example.org, ok@example.org");
    assertThat(parsed).extracting(ParsedAddress::isValid).containsExactly(false, true, false, true);
    assertThat(parsed.get(0).problem()).contains("display name only");
    assertThat(parsed.get(0).input()).isEqualTo("Doe");
    assertThat(parsed.get(2).problem()).contains("unquoted space");
    assertThat(parsed.get(3).address().address()).isEqualTo("ok@example.org");
  }

  @Test
  void aFormattedListKeepsCommasInsideQuotes() {
    List<MailAddress> cc =
        List.of(
            new MailAddress("jane@example.org", "Doe, Jane"),
            new MailAddress("\"a,b\"@example.org", null),
            new MailAddress("x@example.org", "Back\\slash \"Quote\""),
            new MailAddress("y@example.org", "Plain Name"));
    String list = MailAddresses.formatList(cc);
    assertThat(list)
        .isEqualTo(
            "\"Doe, Jane\" <jane@example.org>, \"a,b\"@example.org,"
                + " \"Back\\\\slash \\\"Quote\\\"\" <x@example.org>, Plain Name <y@example.org>");
    assertThat(MailAddresses.parseList(list)).extracting(ParsedAddress::address).isEqualTo(cc);
  }

  @Test
  void aProviderParticipantMayCarryANameOrSeveralAddressesInItsEmailField() {
    assertThat(MailAddresses.participant(null, "Jane Doe <Jane@Example.org>"))
        .extracting(ParsedAddress::address)
        .containsExactly(new MailAddress("jane@example.org", "Jane Doe"));
    assertThat(MailAddresses.participant("=?UTF-8?Q?J=C3=B6rg?=", "Jane Doe <jane@example.org>"))
        .extracting(ParsedAddress::address)
        .containsExactly(new MailAddress("jane@example.org", "Jörg"));
    assertThat(MailAddresses.participant("", "a@x.test, b@y.test"))
        .extracting(p -> p.address().address())
        .containsExactly("a@x.test", "b@y.test");
    assertThat(MailAddresses.participant("Jane Doe", ""))
        .singleElement()
        .satisfies(p -> assertThat(p.problem()).contains("display name only"));
    assertThat(MailAddresses.participant(null, null))
        .singleElement()
        .satisfies(p -> assertThat(p.problem()).contains("empty"));
  }

  @Test
  void hugeInputIsReadInLinearTime() {
    String tenThousand =
        String.join(
            ", ",
            java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> "\"Name, " + i + "\" <r" + i + "@example.org>")
                .toList());
    String garbage = "\"(<[=?a?b?".repeat(100_000) + "x@y";
    String words = "word ".repeat(200_000) + "<a@example.org>";
    String encoded = "=?UTF-8?Q?J=C3=B6rg?= ".repeat(50_000) + "<j@example.org>";
    String angles = "<".repeat(100_000) + "a@example.org" + ">".repeat(100_000);

    assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10),
        () -> {
          assertThat(MailAddresses.parseList(tenThousand))
              .hasSize(10_000)
              .allMatch(ParsedAddress::isValid);
          assertThat(MailAddresses.parse(garbage).isValid()).isFalse();
          assertThat(MailAddresses.parse(words).address().address()).isEqualTo("a@example.org");
          assertThat(MailAddresses.parse(encoded).address().displayName()).startsWith("JörgJörg");
          assertThat(MailAddresses.parse(angles).problem()).contains("'<' inside");
        });
  }

  @Test
  void longDisplayNamesAreCut() {
    MailAddress address = MailAddresses.parse("\"" + "n".repeat(500) + "\" <a@x.test>").address();
    assertThat(address.displayName()).hasSize(MailAddresses.MAX_DISPLAY_NAME).endsWith("…");
  }

  private static List<String> addresses(String list) {
    return MailAddresses.parseList(list).stream().map(p -> p.orElseThrow().address()).toList();
  }

  /** A valid address of exactly this many octets. */
  private static String atLength(int octets) {
    String local = "l".repeat(64);
    StringBuilder domain = new StringBuilder();
    int remaining = octets - local.length() - 1;
    while (remaining > 63) {
      domain.append("d".repeat(62)).append('.');
      remaining -= 63;
    }
    return local + "@" + domain + "d".repeat(remaining);
  }

  private static Arguments ok(String input, String canonical, String name) {
    return Arguments.of(input, canonical, name);
  }

  private static Arguments refused(String input, String problem) {
    return Arguments.of(input, null, problem);
  }
}
