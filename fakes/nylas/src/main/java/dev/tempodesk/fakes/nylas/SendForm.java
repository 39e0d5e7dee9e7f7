package dev.tempodesk.fakes.nylas;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A send's body in either form the reference documents (§4): JSON with the files base64-encoded in
 * {@code attachments} (only while they total under 3 MB), or {@code multipart/form-data} with the
 * message JSON in part {@code message} and each file in a part of its own, named {@code file0},
 * {@code file1}, … or by its content id for an inline image. Over 25 MB of files is refused, as the
 * provider would.
 */
record SendForm(JsonNode message, List<SentFile> files, Object fingerprint) {
  static final long MULTIPART_FROM_BYTES = 3L * 1024 * 1024;
  static final long MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;

  private static final Pattern FILE_PART = Pattern.compile("file\\d+");

  static SendForm parse(String contentType, byte[] body) {
    SendForm form =
        contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
            ? multipart(contentType, body)
            : json(body);
    long total = form.files().stream().mapToLong(SentFile::size).sum();
    if (total > MAX_ATTACHMENT_BYTES) {
      // [UNCLEAR] in the reference: the status of an over-limit send; 413 is what HTTP offers.
      throw new NylasError(
          413,
          "invalid_request_error",
          "Attachments total " + total + " bytes; the provider accepts at most 25 MB.");
    }
    return form;
  }

  private static SendForm json(byte[] body) {
    JsonNode json = readJson(body);
    List<SentFile> files = new ArrayList<>();
    JsonNode attachments = json.path("attachments");
    if (!attachments.isMissingNode() && !attachments.isNull() && !attachments.isArray()) {
      throw NylasError.invalidRequest("attachments must be an array");
    }
    for (JsonNode entry : attachments) {
      String filename = NylasJson.text(entry, "filename");
      String type = NylasJson.text(entry, "content_type");
      String content = NylasJson.text(entry, "content");
      if (filename == null || type == null || content == null) {
        throw NylasError.invalidRequest(
            "each attachment needs filename, content_type and content (base64)");
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(content);
      } catch (IllegalArgumentException e) {
        throw NylasError.invalidRequest("attachment " + filename + ": content is not base64");
      }
      String contentId = NylasJson.text(entry, "content_id");
      String disposition = NylasJson.text(entry, "content_disposition");
      boolean inline =
          disposition != null
              ? disposition.toLowerCase(Locale.ROOT).startsWith("inline")
              : contentId != null;
      files.add(new SentFile(filename, type, contentId, inline, bytes, false));
    }
    long total = files.stream().mapToLong(SentFile::size).sum();
    if (total >= MULTIPART_FROM_BYTES) {
      throw NylasError.invalidRequest(
          "Attachments of 3 MB or more must be sent as multipart/form-data.");
    }
    return new SendForm(json, files, json);
  }

  private static SendForm multipart(String contentType, byte[] body) {
    JsonNode message = null;
    List<SentFile> files = new ArrayList<>();
    List<Object> fingerprint = new ArrayList<>();
    try {
      MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(body, contentType));
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        String[] headers = part.getHeader("Content-Disposition");
        String header = headers == null || headers.length == 0 ? null : headers[0];
        if (header == null) {
          throw NylasError.invalidRequest("a form part has no Content-Disposition");
        }
        ContentDisposition disposition = new ContentDisposition(header);
        String name = disposition.getParameter("name");
        String filename = disposition.getParameter("filename");
        byte[] bytes = part.getInputStream().readAllBytes();
        if ("message".equals(name) && filename == null) {
          message = readJson(bytes);
          continue;
        }
        if (name == null || filename == null) {
          throw NylasError.invalidRequest("form part " + name + " is neither message nor a file");
        }
        String type =
            part.getContentType() == null
                ? "application/octet-stream"
                : new ContentType(part.getContentType()).getBaseType();
        String contentId = FILE_PART.matcher(name).matches() ? null : name;
        SentFile file = new SentFile(filename, type, contentId, contentId != null, bytes, true);
        files.add(file);
        fingerprint.add(List.of(name, filename, type, file.sha256()));
      }
    } catch (MessagingException | IOException e) {
      throw new NylasError(
          400, "api.invalid_request_payload", "Request body is not valid multipart/form-data");
    }
    if (message == null) {
      throw NylasError.invalidRequest("multipart send needs a part named message");
    }
    fingerprint.addFirst(message);
    return new SendForm(message, files, fingerprint);
  }

  private static JsonNode readJson(byte[] body) {
    JsonNode json;
    try {
      json = NylasJson.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new NylasError(400, "api.invalid_request_payload", "Request body is not valid JSON");
    }
    if (json == null || !json.isObject()) {
      throw new NylasError(400, "api.invalid_request_payload", "Request body must be an object");
    }
    return json;
  }
}
