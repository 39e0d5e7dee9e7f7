package dev.tempodesk.activities.nylas;

import dev.tempodesk.activities.attachment.ContentDigest;
import dev.tempodesk.activities.nylas.NylasJson.DataEnvelope;
import dev.tempodesk.activities.nylas.NylasJson.ListEnvelope;
import dev.tempodesk.workflows.NylasCallBudget;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nylas v3 email API over OkHttp. Calls that are safe to repeat retry inside the client up to
 * {@link NylasSettings#maxAttempts()}; after that the last {@link NylasException} is thrown.
 */
public final class NylasClient {

  private static final MediaType JSON = MediaType.get("application/json");

  /**
   * From this total size of attachments on, a send goes as multipart/form-data instead of JSON with
   * base64 content (reference §4: 3 MB and more must; the SDKs count 3 MiB of file bytes).
   */
  public static final long MULTIPART_FROM_BYTES = 3L * 1024 * 1024;

  /** The provider ceiling for one message's attachments (reference §4: about 25 MB). */
  public static final long MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;

  private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 256;
  private static final int MAX_STATE_LENGTH = 256;
  // Guards against a server that keeps handing out cursors.
  private static final int MAX_FOLDER_PAGES = 50;

  private final NylasSettings settings;
  private final NylasUrls urls;
  private final RetryingTransport transport;

  public NylasClient(NylasSettings settings, OkHttpClient http, Sleeper sleeper) {
    this(settings, http, sleeper, CallProgress.none());
  }

  /**
   * @param progress told as every HTTP attempt starts and ends (see {@link CallProgress}); the
   *     sleeper is the other half, between attempts
   */
  public NylasClient(
      NylasSettings settings, OkHttpClient http, Sleeper sleeper, CallProgress progress) {
    this(settings, http, sleeper, progress, Clock.systemUTC());
  }

  NylasClient(NylasSettings settings, OkHttpClient http, Sleeper sleeper, Clock clock) {
    this(settings, http, sleeper, CallProgress.none(), clock);
  }

  private NylasClient(
      NylasSettings settings,
      OkHttpClient http,
      Sleeper sleeper,
      CallProgress progress,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.urls = new NylasUrls(settings.baseUrl());
    this.transport =
        new RetryingTransport(
            settings,
            Objects.requireNonNull(http, "http"),
            Objects.requireNonNull(sleeper, "sleeper"),
            Objects.requireNonNull(progress, "progress"),
            clock);
  }

  /**
   * An OkHttp client with timeouts for Nylas: reads wait longer than Nylas' own 90 s SLA, after
   * which it answers 504 itself, so a slow but successful call is not cut off; a whole attempt ends
   * after {@link NylasCallBudget#ATTEMPT_TIMEOUT}, which the activities' timeouts allow for.
   */
  public static OkHttpClient defaultHttpClient(NylasSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(100))
        .writeTimeout(Duration.ofSeconds(100))
        .callTimeout(NylasCallBudget.ATTEMPT_TIMEOUT)
        .build();
  }

  public MessagePage listMessages(String grantId, MessageQuery query) {
    Objects.requireNonNull(query, "query");
    ListEnvelope<NylasMessage> page =
        get(urls.messages(grantId, query), NylasJson.list(NylasMessage.class));
    return new MessagePage(page.data(), page.nextCursor(), page.requestId());
  }

  public NylasMessage getMessage(String grantId, String messageId, boolean includeHeaders) {
    HttpUrl.Builder url = urls.grant(grantId, "messages", messageId);
    if (includeHeaders) {
      url.addQueryParameter("fields", "include_headers");
    }
    DataEnvelope<NylasMessage> message = get(url.build(), NylasJson.single(NylasMessage.class));
    return message.data();
  }

  /**
   * The bytes of one attachment ({@code GET /attachments/{id}/download?message_id=…}), retried like
   * every read. The body is read as a stream and no further than {@code maxBytes}: a bigger file
   * comes back {@link AttachmentDownload#overLimit() over the limit}, without its bytes.
   */
  public AttachmentDownload downloadAttachment(
      String grantId, String attachmentId, String messageId, long maxBytes) {
    requireText("messageId", messageId);
    if (maxBytes < 0 || maxBytes > AttachmentDownload.MAX_BYTES) {
      throw new IllegalArgumentException(
          "maxBytes must be within 0.." + AttachmentDownload.MAX_BYTES + ": " + maxBytes);
    }
    HttpUrl url =
        urls.grant(grantId, "attachments", attachmentId, "download")
            .addQueryParameter("message_id", messageId)
            .build();
    Request get =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + settings.apiKey())
            .get()
            .build();
    return transport.execute(
        get,
        response -> AttachmentDownload.read(response, maxBytes),
        RetryingTransport.Retries.WHEN_RETRYABLE);
  }

  public NylasThread getThread(String grantId, String threadId) {
    HttpUrl url = urls.grant(grantId, "threads", threadId).build();
    DataEnvelope<NylasThread> thread = get(url, NylasJson.single(NylasThread.class));
    return thread.data();
  }

  /** All folders of the grant, following {@code next_cursor} if Nylas pages them. */
  public List<NylasFolder> listFolders(String grantId) {
    List<NylasFolder> folders = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_FOLDER_PAGES; page++) {
      HttpUrl.Builder url = urls.grant(grantId, "folders");
      if (cursor != null) {
        url.addQueryParameter("page_token", cursor);
      }
      ListEnvelope<NylasFolder> result = get(url.build(), NylasJson.list(NylasFolder.class));
      folders.addAll(Lists.copy(result.data()));
      cursor = result.nextCursor();
      if (cursor == null || cursor.isEmpty()) {
        return List.copyOf(folders);
      }
    }
    throw new IllegalStateException(
        "Nylas returned more than " + MAX_FOLDER_PAGES + " folder pages");
  }

  /**
   * Sends a message. Nylas replays the first answer to a key, error or not, for an hour; this
   * client repeats the call itself only when no answer arrived or after 409 concurrent, and an
   * error answer reaches the caller, which decides on a new key ({@link KeyedSend}). Attachments go
   * as base64 in the JSON below {@link #MULTIPART_FROM_BYTES} in total, as multipart/form-data from
   * there up to {@link #MAX_ATTACHMENT_BYTES}; more is refused before any call.
   */
  public NylasMessage send(String grantId, SendMessageRequest request, String idempotencyKey) {
    return send(grantId, request, idempotencyKey, false);
  }

  /**
   * Sends a message; with {@code includeHeaders} the answer carries the headers of the sent message
   * (its {@code Message-ID} among them).
   */
  public NylasMessage send(
      String grantId, SendMessageRequest request, String idempotencyKey, boolean includeHeaders) {
    Objects.requireNonNull(request, "request");
    if (idempotencyKey == null
        || idempotencyKey.isBlank()
        || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "idempotencyKey must be non-blank and at most " + MAX_IDEMPOTENCY_KEY_LENGTH + " chars");
    }
    HttpUrl.Builder sendUrl = urls.grant(grantId, "messages", "send");
    if (includeHeaders) {
      sendUrl.addQueryParameter("fields", "include_headers");
    }
    HttpUrl url = sendUrl.build();
    long attached = request.attachmentBytes();
    if (attached > MAX_ATTACHMENT_BYTES) {
      throw new IllegalArgumentException(
          "attachments total "
              + attached
              + " bytes, more than the provider limit of "
              + MAX_ATTACHMENT_BYTES);
    }
    RequestBody body =
        attached >= MULTIPART_FROM_BYTES
            ? multipart(request, idempotencyKey)
            : RequestBody.create(NylasJson.MAPPER.writeValueAsBytes(json(request)), JSON);
    Request post = authorized(url).header("Idempotency-Key", idempotencyKey).post(body).build();
    DataEnvelope<NylasMessage> sent =
        transport.execute(
            post, NylasJson.single(NylasMessage.class), RetryingTransport.Retries.WHEN_UNANSWERED);
    return sent.data();
  }

  /** The message as JSON, attachments (if any) inline in base64. */
  private static ObjectNode json(SendMessageRequest request) {
    ObjectNode message = NylasJson.MAPPER.valueToTree(request);
    if (request.attachments() != null && !request.attachments().isEmpty()) {
      ArrayNode files = message.putArray("attachments");
      for (SendAttachment file : request.attachments()) {
        ObjectNode entry = files.addObject();
        entry.put("filename", file.filename());
        entry.put("content_type", file.contentType());
        entry.put("content", Base64.getEncoder().encodeToString(file.bytes()));
        if (file.contentId() != null) {
          entry.put("content_id", file.contentId());
        }
        if (file.contentDisposition() != null) {
          entry.put("content_disposition", file.contentDisposition());
        }
      }
    }
    return message;
  }

  /**
   * The multipart form of a send (reference §4): the message JSON as part {@code message}, each
   * file as a part of its own, named {@code file0}, {@code file1}, … or, for an inline image, by
   * its content id, which is how the official SDKs tell Nylas the id. The boundary comes from the
   * Idempotency-Key, so every retry under one key sends the same bytes.
   */
  private static RequestBody multipart(SendMessageRequest request, String idempotencyKey) {
    String boundary =
        "tempodesk-"
            + ContentDigest.sha256(idempotencyKey.getBytes(StandardCharsets.UTF_8))
                .substring(0, 48);
    MultipartBody.Builder form = new MultipartBody.Builder(boundary).setType(MultipartBody.FORM);
    form.addFormDataPart(
        "message",
        null,
        RequestBody.create(
            NylasJson.MAPPER.writeValueAsBytes(json(request.withoutAttachments())), JSON));
    List<SendAttachment> files = request.attachments();
    for (int i = 0; i < files.size(); i++) {
      SendAttachment file = files.get(i);
      form.addFormDataPart(
          file.contentId() != null ? file.contentId() : "file" + i,
          file.filename(),
          RequestBody.create(file.bytes(), MediaType.parse(file.contentType())));
    }
    return form.build();
  }

  /** The hosted-OAuth URL to redirect the user's browser to; offline access for a refresh token. */
  public HttpUrl authorizeUrl(String redirectUri, String state, String loginHint) {
    requireText("redirectUri", redirectUri);
    requireText("state", state);
    if (state.length() > MAX_STATE_LENGTH) {
      throw new IllegalArgumentException("state must be at most " + MAX_STATE_LENGTH + " chars");
    }
    return urls.authorize(requireClientId(), redirectUri, state, loginHint);
  }

  /**
   * Exchanges an authorization code for a grant. Not retried: a code is single-use, so a repeat
   * after a lost response would fail anyway; on failure restart the OAuth flow.
   */
  public TokenResponse exchangeCode(String code, String redirectUri) {
    requireText("code", code);
    requireText("redirectUri", redirectUri);
    HttpUrl url = urls.v3("connect", "token").build();
    CodeExchange body =
        new CodeExchange(
            requireClientId(), settings.apiKey(), "authorization_code", code, redirectUri);
    Request post =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/json")
            .post(RequestBody.create(NylasJson.MAPPER.writeValueAsBytes(body), JSON))
            .build();
    return transport.execute(
        post, NylasJson.plain(TokenResponse.class), RetryingTransport.Retries.NEVER);
  }

  public NylasGrant getGrant(String grantId) {
    HttpUrl url = urls.v3("grants", grantId).build();
    DataEnvelope<NylasGrant> grant = get(url, NylasJson.single(NylasGrant.class));
    return grant.data();
  }

  private record CodeExchange(
      String clientId, String clientSecret, String grantType, String code, String redirectUri) {}

  private <T> T get(HttpUrl url, JavaType type) {
    return transport.execute(
        authorized(url).get().build(), type, RetryingTransport.Retries.WHEN_RETRYABLE);
  }

  private Request.Builder authorized(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + settings.apiKey())
        .header("Accept", "application/json");
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private String requireClientId() {
    if (settings.clientId() == null) {
      throw new IllegalStateException(
          "Connecting a mailbox needs the Nylas application's client id (NYLAS_CLIENT_ID)");
    }
    return settings.clientId();
  }
}
