package dev.tempodesk.fakes.nylas;

import dev.tempodesk.fakes.nylas.FakeMessage.Attachment;
import dev.tempodesk.fakes.nylas.FakeMessage.Header;
import dev.tempodesk.fakes.nylas.FakeMessage.Participant;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Turns a raw RFC 5322 / MIME message into what Nylas serves for it, the way a provider-backed
 * Nylas does: addresses parsed leniently (an entry that is no address keeps its text as the name
 * and an empty email, a group is expanded to its members), the subject and display names decoded
 * (RFC 2047), the {@code headers} list raw and undecoded but unfolded, {@code body} the first
 * {@code text/html} part or else the first {@code text/plain} part in its declared charset, every
 * other leaf part listed as an attachment (RFC 2231 file names decoded). It never refuses a mail:
 * what cannot be parsed is served as raw text, as a mail server would still deliver it.
 */
final class RawMail {
  private static final Session SESSION = Session.getInstance(lenient());
  private static final int MAX_DEPTH = 32;

  /** The parsed parts of one raw message. */
  record Parsed(
      List<Participant> from,
      List<Participant> to,
      List<Participant> cc,
      List<Participant> bcc,
      List<Participant> replyTo,
      String subject,
      String body,
      List<Header> headers,
      List<Attachment> attachments,
      Map<String, byte[]> contents) {}

  private RawMail() {}

  static Parsed parse(byte[] rfc822, String attachmentIdPrefix) {
    MimeMessage mime;
    try {
      mime = new MimeMessage(SESSION, new ByteArrayInputStream(rfc822));
    } catch (MessagingException e) {
      return new Parsed(
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          "",
          new String(rfc822, StandardCharsets.ISO_8859_1),
          List.of(),
          List.of(),
          Map.of());
    }
    List<Header> headers = headers(mime);
    Body body = new Body(attachmentIdPrefix);
    body.walk(mime, 0);
    return new Parsed(
        addresses(headers, "From"),
        addresses(headers, "To"),
        addresses(headers, "Cc"),
        addresses(headers, "Bcc"),
        addresses(headers, "Reply-To"),
        subject(mime, headers),
        body.html != null ? body.html : body.text != null ? body.text : "",
        headers,
        body.attachments,
        body.contents);
  }

  private static Properties lenient() {
    Properties properties = new Properties();
    properties.setProperty("mail.mime.address.strict", "false");
    properties.setProperty("mail.mime.decodetext.strict", "false");
    properties.setProperty("mail.mime.parameters.strict", "false");
    properties.setProperty("mail.mime.decodefilename", "true");
    properties.setProperty("mail.mime.decodeparameters", "true");
    properties.setProperty("mail.mime.allowutf8", "true");
    properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
    properties.setProperty("mail.mime.multipart.allowempty", "true");
    properties.setProperty("mail.mime.base64.ignoreerrors", "true");
    properties.setProperty("mail.mime.uudecode.ignoreerrors", "true");
    properties.setProperty("mail.mime.ignoreunknownencoding", "true");
    return properties;
  }

  private static List<Header> headers(MimeMessage mime) {
    List<Header> headers = new ArrayList<>();
    try {
      Enumeration<jakarta.mail.Header> all = mime.getAllHeaders();
      while (all.hasMoreElements()) {
        jakarta.mail.Header h = all.nextElement();
        String value = h.getValue() == null ? "" : h.getValue();
        headers.add(new Header(h.getName(), value.replaceAll("\\r?\\n(?=[ \\t])", "")));
      }
    } catch (MessagingException e) {
      // headers that cannot be read are not served, as with a provider that drops them
    }
    return headers;
  }

  private static String first(List<Header> headers, String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst()
        .orElse(null);
  }

  private static String subject(MimeMessage mime, List<Header> headers) {
    try {
      String subject = mime.getSubject();
      return subject == null ? "" : subject;
    } catch (MessagingException | RuntimeException e) {
      String raw = first(headers, "Subject");
      return raw == null ? "" : raw;
    }
  }

  private static List<Participant> addresses(List<Header> headers, String name) {
    List<Participant> list = new ArrayList<>();
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name) && !header.value().isBlank()) {
        list.addAll(participants(header.value()));
      }
    }
    return list;
  }

  private static List<Participant> participants(String value) {
    List<Participant> list = new ArrayList<>();
    try {
      for (Address address : InternetAddress.parseHeader(value, false)) {
        if (address instanceof InternetAddress internet) {
          if (internet.isGroup()) {
            InternetAddress[] members = internet.getGroup(false);
            for (InternetAddress member : members == null ? new InternetAddress[0] : members) {
              list.add(participant(member));
            }
          } else {
            list.add(participant(internet));
          }
        }
      }
    } catch (AddressException | RuntimeException e) {
      list.add(new Participant(decoded(value.strip()), ""));
    }
    return list;
  }

  private static Participant participant(InternetAddress address) {
    String email = address.getAddress() == null ? "" : address.getAddress();
    String name = address.getPersonal();
    if (!email.contains("@") && name == null) {
      // "Display Name Only" without an address: Nylas keeps the text, with no email
      return new Participant(decoded(email), "");
    }
    return new Participant(name == null || name.isBlank() ? null : name, email);
  }

  private static String decoded(String text) {
    try {
      return MimeUtility.decodeText(text);
    } catch (IOException | RuntimeException e) {
      return text;
    }
  }

  /** Collects the body parts and the attachments of a MIME tree. */
  private static final class Body {
    private final String idPrefix;
    private final List<Attachment> attachments = new ArrayList<>();
    private final Map<String, byte[]> contents = new LinkedHashMap<>();
    private String html;
    private String text;

    Body(String idPrefix) {
      this.idPrefix = idPrefix;
    }

    void walk(Part part, int depth) {
      String type = contentType(part);
      try {
        if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
          Object content = part.getContent();
          if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
              BodyPart child = multipart.getBodyPart(i);
              walk(child, depth + 1);
            }
            return;
          }
        }
      } catch (MessagingException | IOException | RuntimeException e) {
        // a broken multipart is served as the text it is
        if (text == null) {
          text = raw(part);
        }
        return;
      }
      String disposition = disposition(part);
      boolean attached = "attachment".equals(disposition) || filename(part) != null;
      if (!attached && type.equals("text/html") && html == null) {
        html = decodedText(part, type);
      } else if (!attached && type.equals("text/plain") && text == null) {
        text = decodedText(part, type);
      } else if (!type.startsWith("multipart/")) {
        attachments.add(attachment(part, type, disposition));
      }
    }

    private Attachment attachment(Part part, String type, String disposition) {
      String contentId = header(part, "Content-ID");
      if (contentId != null) {
        contentId = contentId.strip().replaceAll("^<|>$", "");
      }
      String filename = filename(part);
      String id = idPrefix + "-" + (attachments.size() + 1);
      byte[] content = bytes(part);
      contents.put(id, content);
      return new Attachment(
          id,
          filename != null ? filename : defaultName(type, attachments.size() + 1),
          type,
          content.length,
          "inline".equals(disposition) || (disposition == null && contentId != null),
          contentId,
          disposition);
    }

    private static String defaultName(String type, int n) {
      return switch (type) {
        case "message/rfc822" -> "forwarded-message-" + n + ".eml";
        case "text/calendar" -> "invite.ics";
        case "message/delivery-status" -> "delivery-status.txt";
        default -> "attachment-" + n;
      };
    }
  }

  private static String contentType(Part part) {
    try {
      String raw = part.getContentType();
      if (raw == null) {
        return "text/plain";
      }
      return new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException e) {
      return "application/octet-stream";
    }
  }

  private static String disposition(Part part) {
    try {
      String disposition = part.getDisposition();
      return disposition == null ? null : disposition.toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String filename(Part part) {
    try {
      return part.getFileName();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String header(Part part, String name) {
    try {
      String[] values = part.getHeader(name);
      return values == null || values.length == 0 ? null : values[0];
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String decodedText(Part part, String type) {
    byte[] bytes = bytes(part);
    String charset = "UTF-8";
    try {
      String declared = new ContentType(part.getContentType()).getParameter("charset");
      if (declared != null) {
        charset = MimeUtility.javaCharset(declared.strip());
      }
    } catch (MessagingException | RuntimeException e) {
      // no or unreadable Content-Type: UTF-8
    }
    try {
      return new String(bytes, Charset.forName(charset));
    } catch (RuntimeException unknownCharset) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static String raw(Part part) {
    try (InputStream in = rawStream(part)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (MessagingException | IOException | RuntimeException e) {
      return "";
    }
  }

  /** The part's content before transfer decoding. */
  private static InputStream rawStream(Part part) throws MessagingException, IOException {
    if (part instanceof jakarta.mail.internet.MimeBodyPart body) {
      return body.getRawInputStream();
    }
    if (part instanceof MimeMessage message) {
      return message.getRawInputStream();
    }
    return part.getInputStream();
  }

  private static byte[] bytes(Part part) {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    } catch (MessagingException | IOException | RuntimeException e) {
      try (InputStream in = rawStream(part)) {
        return in.readAllBytes();
      } catch (MessagingException | IOException | RuntimeException e2) {
        return new byte[0];
      }
    }
  }
}
