package dev.tempodesk.api.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Raw mails built from the edge cases of the mail RFCs, as a provider would hand them to Nylas: RFC
 * 5322 addresses, groups and obsolete syntax (§3.4, §4.4, Appendix A), RFC 6532 UTF-8 headers, RFC
 * 2047 encoded words, RFC 2231 parameters, 8-bit headers, long and folded lines (RFC 5322 §2.1.1,
 * §2.2.3), nested and broken MIME (RFC 2045/2046), calendar invites (RFC 5545, 6047), S/MIME and
 * PGP/MIME (RFC 8551, 3156), TNEF, forwarded and digest messages (RFC 2046 §5.1.5, §5.2.1),
 * delivery and disposition reports (RFC 3464, 8098), NUL and control characters, missing headers as
 * IMAP and EWS serve them, and huge fields. Each is named for what it tries.
 */
final class HostileMailCorpus {
  private HostileMailCorpus() {}

  static Map<String, byte[]> all() {
    Map<String, byte[]> mails = new LinkedHashMap<>();
    addresses(mails);
    encodedWords(mails);
    parameters(mails);
    eightBit(mails);
    longLines(mails);
    multiparts(mails);
    calendarsAndSecurity(mails);
    forwardsAndReports(mails);
    controlCharacters(mails);
    missingHeaders(mails);
    threading(mails);
    huge(mails);
    return mails;
  }

  private static int seq;

  /** A mail with the given header block (From etc. included by the caller) and a plain body. */
  static byte[] mail(String headers, String body) {
    String id = "<hostile-" + (++seq) + "@corpus.example>";
    String head = headers.contains("Message-ID:") ? headers : headers + "\nMessage-ID: " + id;
    return crlf(head + "\n\n" + body + "\n");
  }

  static byte[] crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] simple(String from, String subject) {
    return mail("From: " + from + "\nTo: support@pipeline.example\nSubject: " + subject, "Hello");
  }

  private static void addresses(Map<String, byte[]> m) {
    String[][] froms = {
      {"addr-spec only", "jdoe@one.test"},
      {"name-addr", "John Doe <jdoe@machine.example>"},
      {"quoted display name with comma", "\"Joe Q. Public\" <john.q.public@example.com>"},
      {"display name with comma unquoted", "Doe, Jane <jane@example.org>"},
      {"quoted local part with space", "\"q z\"@example.org"},
      {"quoted local part with space, named", "Q Z <\"q z\"@example.org>"},
      {"quoted local part with comma", "\"smith,john\"@example.org"},
      {"quoted local part with @", "\"a@b\"@example.org"},
      {"quoted local part with escaped quote", "\"a\\\"b\"@example.org"},
      {"quoted local part empty", "\"\"@example.org"},
      {"trailing comment", "jdoe@example.org (John Doe)"},
      {
        "comments everywhere (A.5)",
        "Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"
      },
      {"nested comments", "(a (b (c) d) e) x@example.org"},
      {"unbalanced comment", "(never closed x@example.org"},
      {"group as From", "A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;"},
      {"empty group as From", "Undisclosed recipients:;"},
      {"display name only", "Display Name Only"},
      {"several From addresses", "alice@example.org, bob@example.org"},
      {"several From with quoted comma", "\"Doe, Jane\" <jane@example.org>, joe@example.org"},
      {"empty From", ""},
      {"blank From", "   "},
      {"IDN domain (UTF-8)", "Jörg <joerg@münchen.example>"},
      {"IDN domain (punycode)", "joerg@xn--mnchen-3ya.example"},
      {"UTF-8 local part (RFC 6532)", "jörg@example.de"},
      {"upper case", "JOHN DOE <JOHN.DOE@EXAMPLE.ORG>"},
      {"trailing dot in domain", "john@example.org."},
      {"local part of 65 chars", "l".repeat(65) + "@example.org"},
      {
        "address of 300 chars",
        "a".repeat(60)
            + "@"
            + "d".repeat(60)
            + "."
            + "e".repeat(60)
            + "."
            + "f".repeat(60)
            + "."
            + "g".repeat(50)
            + ".example"
      },
      {"display name of 2,000 chars", "N".repeat(2000) + " <longname@example.org>"},
      {"obsolete route (4.4)", "<@route.example,@other.example:user@example.org>"},
      {"obsolete local part with spaces", "john . q . public @ example . org"},
      {"domain literal IPv4", "user@[192.0.2.1]"},
      {"domain literal IPv6", "user@[IPv6:2001:db8::1]"},
      {"unclosed angle bracket", "Name <user@example.org"},
      {"no domain", "user@"},
      {"no local part", "@example.org"},
      {"two @", "a@b@c.example"},
      {"mailto: in brackets", "Name <mailto:user@example.org>"},
      {"plus tag", "User <user+tag@example.org>"},
      {"only angle brackets", "<>"},
      {"semicolon separated", "a@example.org; b@example.org"},
      {"name with encoded word and comma", "=?UTF-8?Q?Doe=2C_Jane?= <jane2@example.org>"},
      {"name with @ in quotes", "\"support@evil.example\" <real@example.org>"},
    };
    for (String[] from : froms) {
      m.put("From: " + from[0], simple(from[1], "Address case: " + from[0]));
    }
    m.put(
        "bad From, good Reply-To",
        mail(
            "From: Display Name Only\nReply-To: Real <real.reply@example.org>\nSubject: reply-to",
            "Hello"));
    m.put(
        "no From, Sender only",
        mail("Sender: sender.only@example.org\nSubject: sender only", "Hello"));
    m.put(
        "Reply-To differs from From",
        mail(
            "From: Shop <noreply-shop@example.org>\nReply-To: Customer <customer@example.org>\n"
                + "Subject: order 123",
            "Hello"));
    m.put(
        "From folded over three lines",
        mail("From: \"Very\n Long\n Name\" <folded@example.org>\nSubject: folded from", "Hello"));
    m.put(
        "To with 300 group members and empty groups",
        mail(
            "From: grouper@example.org\nTo: Everyone: "
                + IntStream.range(0, 300)
                    .mapToObj(i -> "m" + i + "@example.org")
                    .collect(Collectors.joining(", "))
                + ";, Nobody:;\nSubject: groups",
            "Hello"));
    m.put(
        "Cc with quoted commas",
        mail(
            "From: cc@example.org\nCc: \"Doe, Jane\" <jane@example.org>, \"a,b\"@example.org\n"
                + "Subject: cc",
            "Hello"));
  }

  private static void encodedWords(Map<String, byte[]> m) {
    String[][] subjects = {
      {"Q encoding, ISO-8859-1", "=?ISO-8859-1?Q?Caf=E9_cr=E8me?="},
      {"B encoding, UTF-8", "=?UTF-8?B?" + b64("Grüße aus Köln ✓") + "?="},
      {"Shift_JIS", "=?Shift_JIS?B?gsCC8YLJgr+CzQ==?="},
      {"GB2312", "=?GB2312?B?xOO6ww==?="},
      {"KOI8-R", "=?KOI8-R?B?8NLJ18XU?="},
      {"adjacent encoded words", "=?UTF-8?Q?a?= =?UTF-8?Q?b?=   =?UTF-8?Q?c?="},
      {"encoded word in a quoted string", "\"=?UTF-8?Q?not_decoded?=\""},
      {"unterminated encoded word", "=?UTF-8?Q?never_ends"},
      {"unknown charset", "=?x-unknown?Q?abc?="},
      {"bad B payload", "=?UTF-8?B?!!!notbase64!!!?="},
      {"bad Q escapes", "=?UTF-8?Q?=ZZ=4?="},
      {"empty encoded text", "=?UTF-8?Q??="},
      {"overlong encoded word", "=?UTF-8?Q?" + "x".repeat(500) + "?="},
      {"encoded CRLF and NUL", "=?UTF-8?Q?a=0D=0ABcc:_x@evil.example=00?="},
      {"encoded word with language (RFC 2231)", "=?UTF-8*en?Q?hello?="},
      {"mixed plain and encoded", "Re: =?UTF-8?Q?R=C3=A9ponse?= [#12] plain"},
      {
        "invalid UTF-8 in B",
        "=?UTF-8?B?"
            + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff})
            + "?="
      },
    };
    for (String[] subject : subjects) {
      m.put(
          "Subject: " + subject[0],
          mail("From: words@example.org\nSubject: " + subject[1], "Hello"));
    }
    m.put(
        "encoded display name, UTF-8 B",
        simple("=?UTF-8?B?" + b64("Zoë Ünal") + "?= <zoe@example.org>", "encoded name"));
    m.put(
        "encoded display name, broken",
        simple("=?UTF-8?Q?broken <broken.name@example.org>", "broken encoded name"));
  }

  private static void parameters(Map<String, byte[]> m) {
    String[][] dispositions = {
      {"RFC 2231 charset and language", "attachment; filename*=utf-8'de'Rechnung%20M%C3%A4rz.pdf"},
      {
        "RFC 2231 continuations",
        "attachment; filename*0*=utf-8''very%20long%20; filename*1*=name%20%C3%A9.txt"
      },
      {"RFC 2231 bad percent", "attachment; filename*=utf-8''bad%ZZname%.txt"},
      {"RFC 2231 unknown charset", "attachment; filename*=x-nope''abc.txt"},
      {"path traversal filename", "attachment; filename=\"../../../etc/passwd\""},
      {"Windows path filename", "attachment; filename=\"C:\\\\Windows\\\\evil.exe\""},
      {"NUL in filename", "attachment; filename=\"a\u0000b.txt\""},
      {"filename of 1,000 chars", "attachment; filename=\"" + "f".repeat(1000) + ".txt\""},
      {
        "both filename and filename*",
        "attachment; filename=\"plain.txt\"; filename*=utf-8''fancy%E2%9C%93.txt"
      },
      {"RFC 2047 filename", "attachment; filename=\"=?UTF-8?B?" + b64("Grüße.txt") + "?=\""},
      {"unquoted filename with spaces", "attachment; filename=my file name.txt"},
      {"empty disposition", ""},
    };
    for (String[] disposition : dispositions) {
      m.put(
          "attachment: " + disposition[0],
          mail(
              "From: params@example.org\nSubject: parameters\nMIME-Version: 1.0\n"
                  + "Content-Type: multipart/mixed; boundary=\"b\"",
              "--b\nContent-Type: text/plain\n\nsee attachment\n--b\n"
                  + "Content-Type: application/octet-stream\nContent-Disposition: "
                  + disposition[1]
                  + "\nContent-Transfer-Encoding: base64\n\naGVsbG8=\n--b--"));
    }
    m.put(
        "name only in Content-Type",
        mail(
            "From: params@example.org\nSubject: ct name\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=b",
            "--b\nContent-Type: text/plain\n\nbody\n--b\n"
                + "Content-Type: application/pdf; name=\"doc.pdf\"\n\n%PDF-1.4\n--b--"));
  }

  private static void eightBit(Map<String, byte[]> m) {
    m.put(
        "raw UTF-8 subject (RFC 6532)",
        mail("From: raw@example.org\nSubject: Größe 📦 проблема 问题", "Hello"));
    m.put("raw UTF-8 display name", simple("Zoë Ünal <zoe.raw@example.org>", "raw name"));
    m.put(
        "raw Latin-1 subject (invalid UTF-8)",
        bytes(
            "From: latin@example.org\r\nSubject: caf",
            new byte[] {(byte) 0xe9},
            " cr",
            new byte[] {(byte) 0xe8},
            "me\r\n\r\nHello\r\n"));
    m.put(
        "8-bit body without charset",
        bytes(
            "From: latin@example.org\r\nSubject: 8bit\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
            new byte[] {(byte) 0xe9, (byte) 0xff, (byte) 0xfe, 0x41},
            "\r\n"));
    m.put(
        "UTF-16 declared, ASCII sent",
        mail(
            "From: u16@example.org\nSubject: utf16\nContent-Type: text/plain; charset=UTF-16",
            "plain ascii text"));
    m.put(
        "binary body",
        bytes(
            "From: bin@example.org\r\nSubject: binary\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\n",
            new byte[] {0, 1, 2, 3, (byte) 0x80, (byte) 0xff, 13, 10, 0},
            "\r\n"));
    m.put(
        "8-bit in Message-ID",
        mail("From: mid@example.org\nSubject: mid\nMessage-ID: <é@exämple.org>", "Hello"));
  }

  private static void longLines(Map<String, byte[]> m) {
    m.put(
        "body line of 998+ chars",
        mail("From: long@example.org\nSubject: long line", "x".repeat(1500)));
    m.put(
        "body line of 200,000 chars",
        mail("From: long@example.org\nSubject: very long line", "y".repeat(200_000)));
    m.put(
        "subject folded over 200 lines",
        mail(
            "From: fold@example.org\nSubject: "
                + IntStream.range(0, 200)
                    .mapToObj(i -> "word" + i)
                    .collect(Collectors.joining("\n ")),
            "Hello"));
    m.put(
        "whitespace-only continuation lines",
        mail("From: fold@example.org\nSubject: a\n \n\t\n b", "Hello"));
    m.put(
        "header line of 10,000 chars",
        mail(
            "From: fold@example.org\nSubject: long header\nX-Long: " + "h".repeat(10_000),
            "Hello"));
    m.put(
        "bare LF and bare CR in body",
        bytes("From: bare@example.org\r\nSubject: bare\r\n\r\n", "line1\nline2\rline3\r\n"));
    m.put(
        "LF-only line endings",
        "From: lf@example.org\nSubject: lf only\n\nHello\n".getBytes(StandardCharsets.UTF_8));
    m.put(
        "quoted-printable soft breaks broken",
        mail(
            "From: qp@example.org\nSubject: qp\nContent-Transfer-Encoding: quoted-printable",
            "broken=\nsoft=ZZbreak=\n=\n=E9="));
  }

  private static void multiparts(Map<String, byte[]> m) {
    String head = "From: mime@example.org\nMIME-Version: 1.0\nSubject: ";
    m.put(
        "multipart/alternative",
        mail(
            head + "alternative\nContent-Type: multipart/alternative; boundary=a",
            "--a\nContent-Type: text/plain\n\nplain\n--a\nContent-Type: text/html\n\n<p>html</p>\n--a--"));
    m.put(
        "multipart/related with cid image",
        mail(
            head + "related\nContent-Type: multipart/related; boundary=r",
            "--r\nContent-Type: text/html\n\n<img src=\"cid:img1@x\">\n--r\nContent-Type: image/png\n"
                + "Content-ID: <img1@x>\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--r--"));
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      deep.append("--d")
          .append(i)
          .append("\nContent-Type: multipart/mixed; boundary=d")
          .append(i + 1)
          .append("\n\n");
    }
    deep.append("--d60\nContent-Type: text/plain\n\ndeep inside\n");
    m.put(
        "60 nested multiparts",
        mail(head + "deep\nContent-Type: multipart/mixed; boundary=d0", deep.toString()));
    m.put(
        "multipart without boundary parameter",
        mail(head + "no boundary\nContent-Type: multipart/mixed", "just text"));
    m.put(
        "boundary never closed",
        mail(
            head + "unclosed\nContent-Type: multipart/mixed; boundary=u",
            "--u\nContent-Type: text/plain\n\nunclosed part"));
    m.put(
        "boundary never opened",
        mail(
            head + "unopened\nContent-Type: multipart/mixed; boundary=nope", "text without parts"));
    m.put(
        "empty multipart",
        mail(head + "empty\nContent-Type: multipart/mixed; boundary=e", "--e--"));
    m.put(
        "attachment only, no text part",
        mail(
            head + "only file\nContent-Type: multipart/mixed; boundary=f",
            "--f\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=a.pdf\n\n"
                + "%PDF\n--f--"));
    m.put(
        "preamble and epilogue junk",
        mail(
            head + "junk\nContent-Type: multipart/mixed; boundary=j",
            "preamble <script>x</script>\n--j\nContent-Type: text/plain\n\nbody\n--j--\nepilogue"));
    m.put(
        "part without headers",
        mail(
            head + "headless part\nContent-Type: multipart/mixed; boundary=h",
            "--h\n\nno headers\n--h--"));
    m.put(
        "boundary text inside the body",
        mail(
            head + "boundary in body\nContent-Type: multipart/mixed; boundary=z",
            "--z\nContent-Type: text/plain\n\nthe boundary is --z-- and --zz\n--z--"));
    m.put(
        "invalid base64 body",
        mail(
            head + "bad base64\nContent-Type: text/plain\nContent-Transfer-Encoding: base64",
            "!!!! not base64 at all ????"));
    m.put(
        "unknown transfer encoding",
        mail(head + "x-encoding\nContent-Transfer-Encoding: x-uuencode", "begin 644 x\n`\nend"));
    m.put(
        "windows-1252 HTML only",
        bytes(
            "From: mime@example.org\r\nSubject: cp1252\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<p>",
            new byte[] {(byte) 0x93, 'q', (byte) 0x94, (byte) 0x80},
            "</p>\r\n"));
    m.put(
        "unknown Content-Type", mail(head + "odd type\nContent-Type: x-odd/x-type; p=1", "opaque"));
    m.put("garbage Content-Type", mail(head + "garbage type\nContent-Type: ;;;==;\"", "garbage"));
    m.put(
        "two Content-Type headers",
        mail(
            head + "two types\nContent-Type: text/html\nContent-Type: text/plain", "<b>which</b>"));
    m.put(
        "HTML with 10,000 nested tags",
        mail(head + "nested html\nContent-Type: text/html", "<div>".repeat(10_000) + "deep"));
    m.put(
        "200 attachments",
        mail(
            head + "many files\nContent-Type: multipart/mixed; boundary=m",
            "--m\nContent-Type: text/plain\n\nfiles\n"
                + IntStream.range(0, 200)
                    .mapToObj(
                        i ->
                            "--m\nContent-Type: text/plain\nContent-Disposition: attachment; filename=f"
                                + i
                                + ".txt\n\nfile "
                                + i
                                + "\n")
                    .collect(Collectors.joining())
                + "--m--"));
  }

  private static void calendarsAndSecurity(Map<String, byte[]> m) {
    String ics =
        "BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nUID:1@x\nSUMMARY:Call\n"
            + "DTSTART:20261207T100000Z\nEND:VEVENT\nEND:VCALENDAR";
    String head = "From: cal@example.org\nMIME-Version: 1.0\nSubject: ";
    m.put(
        "calendar invite as alternative",
        mail(
            head + "Invitation: Call\nContent-Type: multipart/alternative; boundary=c",
            "--c\nContent-Type: text/plain\n\nInvitation\n--c\nContent-Type: text/calendar; method=REQUEST\n\n"
                + ics
                + "\n--c--"));
    m.put(
        "calendar invite as .ics attachment",
        mail(
            head + "Invitation attached\nContent-Type: multipart/mixed; boundary=c",
            "--c\nContent-Type: text/plain\n\nsee invite\n--c\nContent-Type: application/ics; name=invite.ics\n"
                + "Content-Disposition: attachment; filename=invite.ics\n\n"
                + ics
                + "\n--c--"));
    m.put(
        "calendar only (top-level text/calendar)",
        mail(head + "Calendar only\nContent-Type: text/calendar; method=REQUEST", ics));
    m.put(
        "calendar cancellation",
        mail(
            head + "Canceled: Call\nContent-Type: text/calendar; method=CANCEL",
            ics.replace("REQUEST", "CANCEL")));
    m.put(
        "S/MIME signed",
        mail(
            "From: smime@example.org\nMIME-Version: 1.0\nSubject: signed\nContent-Type: multipart/signed;"
                + " protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=s",
            "--s\nContent-Type: text/plain\n\nsigned text\n--s\nContent-Type: application/pkcs7-signature;"
                + " name=smime.p7s\nContent-Disposition: attachment; filename=smime.p7s\n"
                + "Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHAqCAMIACAQEx\n--s--"));
    m.put(
        "S/MIME encrypted (enveloped)",
        mail(
            "From: smime@example.org\nMIME-Version: 1.0\nSubject: encrypted\nContent-Type: application/pkcs7-mime;"
                + " smime-type=enveloped-data; name=smime.p7m\nContent-Disposition: attachment; filename=smime.p7m\n"
                + "Content-Transfer-Encoding: base64",
            "MIAGCSqGSIb3DQEHA6CAMIACAQAxggE="));
    m.put(
        "S/MIME opaque signed",
        mail(
            "From: smime@example.org\nMIME-Version: 1.0\nSubject: opaque\nContent-Type: application/pkcs7-mime;"
                + " smime-type=signed-data; name=smime.p7m\nContent-Transfer-Encoding: base64",
            "MIAGCSqGSIb3DQEHAqCAMIACAQEx"));
    m.put(
        "PGP/MIME encrypted",
        mail(
            "From: pgp@example.org\nMIME-Version: 1.0\nSubject: pgp\nContent-Type: multipart/encrypted;"
                + " protocol=\"application/pgp-encrypted\"; boundary=p",
            "--p\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n--p\nContent-Type: application/octet-stream\n\n"
                + "-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n--p--"));
    m.put(
        "TNEF winmail.dat with text",
        mail(
            "From: outlook@example.org\nMIME-Version: 1.0\nSubject: tnef\nContent-Type: multipart/mixed; boundary=t",
            "--t\nContent-Type: text/plain\n\nsee attached\n--t\nContent-Type: application/ms-tnef; name=winmail.dat\n"
                + "Content-Disposition: attachment; filename=winmail.dat\nContent-Transfer-Encoding: base64\n\n"
                + "eJ8+IgAAAQaQCAAEAAAAAAABAAEAAQeQBgAIAAAA5AQAAAAAAADoAAEIgAcAGAAAAElQTS5NaWNyb3NvZnQgTWFpbC5Ob3RlADEI\n--t--"));
    m.put(
        "TNEF only",
        mail(
            "From: outlook@example.org\nMIME-Version: 1.0\nSubject: tnef only\nContent-Type: application/ms-tnef;"
                + " name=winmail.dat\nContent-Transfer-Encoding: base64",
            "eJ8+IgAAAQaQCAAEAAAAAAABAAEAAQeQBgAIAAAA5AQAAAAAAADo"));
  }

  private static void forwardsAndReports(Map<String, byte[]> m) {
    String inner =
        "From: original@example.org\nSubject: original\nMessage-ID: <orig@example.org>\n\noriginal body";
    m.put(
        "forwarded as message/rfc822",
        mail(
            "From: fwd@example.org\nMIME-Version: 1.0\nSubject: Fwd: original\nContent-Type: multipart/mixed; boundary=f",
            "--f\nContent-Type: text/plain\n\nFYI\n--f\nContent-Type: message/rfc822\n\n"
                + inner
                + "\n--f--"));
    m.put(
        "forwarded inline",
        mail(
            "From: fwd@example.org\nSubject: Fwd: original",
            "FYI\n\n---------- Forwarded message ---------\nFrom: original@example.org\nSubject: original\n\nbody"));
    String nested = inner;
    for (int i = 0; i < 6; i++) {
      nested =
          "From: level"
              + i
              + "@example.org\nMIME-Version: 1.0\nSubject: Fwd\nContent-Type: multipart/mixed; boundary=n"
              + i
              + "\n\n--n"
              + i
              + "\nContent-Type: message/rfc822\n\n"
              + nested
              + "\n--n"
              + i
              + "--";
    }
    m.put("forward nested 6 levels", crlf(nested + "\n"));
    m.put(
        "digest of three messages",
        mail(
            "From: digest@example.org\nMIME-Version: 1.0\nSubject: Digest\nContent-Type: multipart/digest; boundary=g",
            "--g\n\nFrom: a@example.org\nSubject: one\n\n1\n--g\n\nFrom: b@example.org\nSubject: two\n\n2\n--g\n\n"
                + "From: c@example.org\nSubject: three\n\n3\n--g--"));
    m.put(
        "broken message/rfc822",
        mail(
            "From: fwd@example.org\nMIME-Version: 1.0\nSubject: broken forward\nContent-Type: message/rfc822",
            "not: really\na message"));
    m.put(
        "message/partial",
        mail(
            "From: part@example.org\nMIME-Version: 1.0\nSubject: part 1/2\nContent-Type: message/partial; id=\"x@y\"; number=1; total=2",
            "partial data"));
    String report =
        "MIME-Version: 1.0\nSubject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report;"
            + " report-type=delivery-status; boundary=r";
    String reportBody =
        "--r\nContent-Type: text/plain\n\nYour message could not be delivered.\n--r\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; gone@example.org\nAction: failed\nStatus: 5.1.1\n"
            + "--r\nContent-Type: text/rfc822-headers\n\nFrom: support@pipeline.example\nSubject: Re: [#1] x\n--r--";
    m.put(
        "delivery report from MAILER-DAEMON",
        mail("From: MAILER-DAEMON@mx.example\n" + report, reportBody));
    m.put(
        "delivery report from a plain address",
        mail("From: bounces@mx.example\n" + report, reportBody));
    m.put(
        "read receipt (MDN)",
        mail(
            "From: reader@example.org\nMIME-Version: 1.0\nSubject: Read: your ticket\nContent-Type: multipart/report;"
                + " report-type=disposition-notification; boundary=d",
            "--d\nContent-Type: text/plain\n\nwas read\n--d\nContent-Type: message/disposition-notification\n\n"
                + "Final-Recipient: rfc822; reader@example.org\nDisposition: manual-action/MDN-sent-manually; displayed\n--d--"));
    m.put(
        "Exchange out-of-office without headers",
        mail(
            "From: away@example.org\nSubject: Automatic reply: your request",
            "I am out of office."));
  }

  private static void controlCharacters(Map<String, byte[]> m) {
    m.put("NUL in subject", mail("From: nul@example.org\nSubject: a\u0000b", "Hello"));
    m.put("NUL in body", mail("From: nul@example.org\nSubject: nul body", "a\u0000b\u0000"));
    m.put("NUL in From name", simple("Na\u0000me <nul.name@example.org>", "nul name"));
    m.put(
        "C0 controls in subject",
        mail(
            "From: ctl@example.org\nSubject: bell\u0007 esc\u001b[31m bs\u0008 ff\u000c", "Hello"));
    m.put(
        "DEL and C1 controls",
        mail("From: ctl@example.org\nSubject: del\u007f c1\u0085\u009b", "x\u0085y"));
    m.put(
        "bidi overrides and zero-width",
        mail("From: \u202eevil <bidi@example.org>\nSubject: \u202egnp.exe\u200b\u2066", "Hello"));
    m.put(
        "lone surrogate bytes (CESU)",
        bytes(
            "From: sur@example.org\r\nSubject: s",
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            "\r\n\r\nx\r\n"));
    m.put(
        "CR in header value",
        bytes("From: cr@example.org\r\nSubject: a\rBcc: evil@example.org\r\n\r\nx\r\n"));
  }

  private static void missingHeaders(Map<String, byte[]> m) {
    m.put("no Message-ID", crlf("From: nomid@example.org\nSubject: no id\n\nHello\n"));
    m.put("no Date", mail("From: nodate@example.org\nSubject: no date", "Hello"));
    m.put("no Subject", mail("From: nosubject@example.org", "Hello"));
    m.put("no To", mail("From: noto@example.org\nSubject: no to", "Hello"));
    m.put("only From", crlf("From: onlyfrom@example.org\n\nHello\n"));
    m.put("no headers at all", crlf("\nHello without headers\n"));
    m.put(
        "header names in odd case",
        mail("fROM: case@example.org\nsUBJECT: case\nmESSAGE-iD: <case@x>", "Hello"));
    m.put(
        "header without colon",
        mail("From: colon@example.org\nSubject: colon\nThis is not a header", "Hello"));
    m.put(
        "empty header name",
        mail("From: colon@example.org\nSubject: colon\n: empty name", "Hello"));
    m.put("empty mail", new byte[0]);
  }

  private static void threading(Map<String, byte[]> m) {
    m.put(
        "In-Reply-To with several ids",
        mail("From: thr@example.org\nSubject: Re: x\nIn-Reply-To: <a@x> <b@x> <c@x>", "Hello"));
    m.put(
        "References full of garbage",
        mail(
            "From: thr@example.org\nSubject: Re: y\nReferences: garbage <<>> <a b@c> <@> <>",
            "Hello"));
    m.put(
        "two Message-ID headers",
        mail(
            "From: thr@example.org\nSubject: two ids\nMessage-ID: <one@x>\nMessage-ID: <two@x>",
            "Hello"));
    m.put(
        "Message-ID without brackets",
        mail("From: thr@example.org\nSubject: bare id\nMessage-ID: bare-id@example.org", "Hello"));
    m.put(
        "Message-ID of 2,000 chars",
        mail(
            "From: thr@example.org\nSubject: long id\nMessage-ID: <" + "i".repeat(2000) + "@x>",
            "Hello"));
    m.put(
        "subject token of no ticket and a stranger",
        mail("From: stranger@example.org\nSubject: Re: [#1] hijack", "Hello"));
  }

  private static void huge(Map<String, byte[]> m) {
    m.put(
        "subject of 100,000 chars",
        mail("From: huge@example.org\nSubject: " + "S".repeat(100_000), "Hello"));
    m.put(
        "5,000 recipients",
        mail(
            "From: huge@example.org\nSubject: many\nTo: "
                + IntStream.range(0, 5000)
                    .mapToObj(i -> "r" + i + "@example.org")
                    .collect(Collectors.joining(",\n ")),
            "Hello"));
    m.put("body of 8 MB", mail("From: huge@example.org\nSubject: big body", "z".repeat(8 << 20)));
    m.put(
        "2,000 headers",
        mail(
            "From: huge@example.org\nSubject: many headers\n"
                + IntStream.range(0, 2000)
                    .mapToObj(i -> "X-H" + i + ": v")
                    .collect(Collectors.joining("\n")),
            "Hello"));
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      byte[] b =
          part instanceof byte[] raw ? raw : ((String) part).getBytes(StandardCharsets.UTF_8);
      out.writeBytes(b);
    }
    return out.toByteArray();
  }
}
