package dev.tempodesk.fakes.nylas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tempodesk.fakes.nylas.FakeMessage.Attachment;
import dev.tempodesk.fakes.nylas.FakeMessage.Participant;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Raw RFC 5322 / MIME mail comes out as Nylas serves such mail ("Read first" 3, 4, 6). */
class RawMailTest {
  private static final String GRANT = "grant-raw";
  private static final String KEY = "raw-key";
  private FakeNylasServer server;
  private NylasHttp http;

  @BeforeEach
  void start() {
    server = FakeNylasServer.start(KEY, "raw-client", FaultPlan.none());
    server.addGrant(GRANT, "support@raw.example");
    http = new NylasHttp(server.baseUrl(), KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static RawMail.Parsed parse(String mail) {
    return RawMail.parse(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "att-1");
  }

  @Test
  void addressesAreParsedLenientlyLikeRealMail() {
    RawMail.Parsed mail =
        parse(
            """
            From: "Doe, Jane" <jane@example.org>, =?UTF-8?Q?J=C3=B6rg?= <joerg@example.de>
            To: Team: a@example.org, b@example.org;, undisclosed-recipients:;
            Cc: Display Name Only
            Reply-To: "q z"@example.org
            Subject: =?ISO-8859-1?Q?Caf=E9?= order
            Message-ID: <1@example.org>

            hello
            """);
    assertThat(mail.from())
        .containsExactly(
            new Participant("Doe, Jane", "jane@example.org"),
            new Participant("Jörg", "joerg@example.de"));
    assertThat(mail.to())
        .extracting(Participant::email)
        .containsExactly("a@example.org", "b@example.org");
    assertThat(mail.cc()).extracting(Participant::email).containsOnly("");
    assertThat(mail.replyTo())
        .extracting(Participant::email)
        .containsExactly("\"q z\"@example.org");
    assertThat(mail.subject()).isEqualTo("Café order");
    assertThat(mail.headers())
        .as("header values are served undecoded")
        .anySatisfy(h -> assertThat(h.value()).isEqualTo("=?ISO-8859-1?Q?Caf=E9?= order"));
    assertThat(mail.body()).isEqualTo("hello\r\n");
  }

  @Test
  void htmlIsTheBodyAndOtherPartsAreAttachments() {
    RawMail.Parsed mail =
        parse(
            """
            From: a@example.org
            Subject: files
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/related; boundary="inner"

            --inner
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            plain
            --alt
            Content-Type: text/html; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            <p>caf=E9 <img src=3D"cid:logo@x"></p>
            --alt--
            --inner
            Content-Type: image/png
            Content-ID: <logo@x>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --inner--
            --outer
            Content-Type: application/pdf
            Content-Disposition: attachment;
             filename*=utf-8''Rechnung%20M%C3%A4rz.pdf

            %PDF
            --outer--
            """);
    assertThat(mail.body()).isEqualTo("<p>café <img src=\"cid:logo@x\"></p>");
    assertThat(mail.attachments())
        .extracting(
            Attachment::filename,
            Attachment::contentType,
            Attachment::inline,
            Attachment::contentId)
        .containsExactly(
            tuple("attachment-1", "image/png", true, "logo@x"),
            tuple("Rechnung März.pdf", "application/pdf", false, null));
    assertThat(mail.attachments().getFirst().size()).isEqualTo(8);
    // The decoded bytes of each part, kept for the download endpoint under the listed id.
    assertThat(mail.contents().get(mail.attachments().getFirst().id()))
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G')
        .hasSize(8);
    assertThat(new String(mail.contents().get(mail.attachments().get(1).id()))).startsWith("%PDF");
  }

  @Test
  void brokenMailIsStillServed() {
    RawMail.Parsed unknownCharset =
        parse(
            """
            From: a@example.org
            Subject: charset
            Content-Type: text/plain; charset=x-no-such-charset

            plain text
            """);
    assertThat(unknownCharset.body()).isEqualTo("plain text\r\n");
    RawMail.Parsed noBoundary =
        parse(
            """
            From: a@example.org
            Subject: broken
            Content-Type: multipart/mixed

            no boundary at all
            """);
    assertThat(noBoundary.body()).contains("no boundary at all");
    RawMail.Parsed noHeaders = parse("\njust a body\n");
    assertThat(noHeaders.from()).isEmpty();
    assertThat(noHeaders.subject()).isEmpty();
  }

  @Test
  void rawMailIsListedWithItsAttachmentsAndThreadsByItsHeaders() {
    FakeMessage first =
        server.receiveRaw(
            GRANT,
            "From: a@example.org\r\nSubject: first\r\nMessage-ID: <first@example.org>\r\n\r\nhi\r\n"
                .getBytes(StandardCharsets.UTF_8));
    FakeMessage reply =
        server.receiveRaw(
            GRANT,
            ("From: a@example.org\r\nSubject: Re: first\r\nIn-Reply-To: <first@example.org>\r\n"
                    + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                    + "Content-Type: text/plain\r\n\r\nsee file\r\n--b\r\n"
                    + "Content-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(reply.threadId()).isEqualTo(first.threadId());
    assertThat(first.messageIdHeader()).isEqualTo("<first@example.org>");
    JsonNode listed =
        http.get("/v3/grants/" + GRANT + "/messages/" + reply.id() + "?fields=include_headers")
            .json()
            .path("data");
    assertThat(listed.path("attachments")).hasSize(1);
    JsonNode file = listed.path("attachments").get(0);
    assertThat(file.path("content_type").asString()).isEqualTo("text/calendar");
    assertThat(file.path("filename").asString()).isEqualTo("invite.ics");
    assertThat(file.path("is_inline").asBoolean()).isFalse();
    assertThat(listed.path("body").asString()).isEqualTo("see file");
  }
}
