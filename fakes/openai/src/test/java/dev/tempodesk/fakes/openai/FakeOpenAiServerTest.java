package dev.tempodesk.fakes.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The fake's normal answers: the documented shapes, deterministic content, refusals, recording. */
class FakeOpenAiServerTest {
  private static final String M = FakeOpenAiServer.DEFAULT_MODEL;
  private static final String THREAD =
      """
      Subject: Cannot log in after the update
      Customer: Alice Example <alice@example.com>

      From: Alice Example <alice@example.com>
      Since this morning I cannot log in. The page says my password is wrong.

      Max Agent (agent): Sorry to hear that! Could you try resetting it from the sign-in page?
      """;

  private FakeOpenAiServer server = FakeOpenAiServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aCompletionHasTheDocumentedShape() {
    HttpResponse<String> response =
        Chat.post(server, Chat.body(M, "Summarise this support thread.", THREAD), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode json = Chat.json(response);
    assertThat(json.path("id").asString()).startsWith("chatcmpl-");
    assertThat(json.path("object").asString()).isEqualTo("chat.completion");
    assertThat(json.path("created").isIntegralNumber()).isTrue();
    assertThat(json.path("model").asString()).isEqualTo(M);
    JsonNode choice = json.path("choices").path(0);
    assertThat(choice.path("index").asInt()).isZero();
    assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
    assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
    JsonNode usage = json.path("usage");
    assertThat(usage.path("prompt_tokens").asInt()).isPositive();
    assertThat(usage.path("completion_tokens").asInt()).isPositive();
    assertThat(usage.path("total_tokens").asInt())
        .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
  }

  @Test
  void aSummaryNamesEachSpeakerWithTheFirstSentence() {
    String summary =
        Chat.content(
            Chat.post(server, Chat.body(M, "Summarise this support thread.", THREAD), null));

    assertThat(summary)
        .isEqualTo(
            """
            - Alice Example: Since this morning I cannot log in.
            - Max Agent: Sorry to hear that!""");
  }

  @Test
  void aDraftGreetsTheCustomerByNameAndMentionsTheSubject() {
    String draft =
        Chat.content(
            Chat.post(server, Chat.body(M, "Draft a reply to the customer.", THREAD), null));

    assertThat(draft).startsWith("Hello Alice Example,");
    assertThat(draft).contains("\"Cannot log in after the update\"");
  }

  @Test
  void triageAnswersTheJsonItWasAskedFor() {
    ObjectNode body =
        Chat.body(
            M,
            "Triage this ticket. Answer with a JSON object.\nGroups: Sales, Tech support, Billing",
            THREAD);
    body.putObject("response_format").put("type", "json_object");

    JsonNode triage = OpenAiJson.MAPPER.readTree(Chat.content(Chat.post(server, body, null)));

    assertThat(triage.path("priority").asString()).isEqualTo("HIGH");
    assertThat(triage.path("tags").toString()).isEqualTo("[\"login\"]");
    assertThat(triage.path("group").asString()).isEqualTo("Tech support");
    assertThat(triage.path("reason").asString()).isNotBlank();

    JsonNode urgentBilling =
        OpenAiJson.MAPPER.readTree(
            Chat.content(
                Chat.post(
                    server,
                    Chat.body(M, "Triage as JSON.", "URGENT: you charged my card twice, refund it"),
                    null)));
    assertThat(urgentBilling.path("priority").asString()).isEqualTo("URGENT");
    assertThat(urgentBilling.path("group").asString()).isEqualTo("Billing");
  }

  @Test
  void jsonModeWithoutTheWordJsonIsRefusedAsTheRealApiDoes() {
    ObjectNode body = Chat.body(M, "Triage this ticket.", "My parcel is late.");
    body.putObject("response_format").put("type", "json_object");

    HttpResponse<String> response = Chat.post(server, body, null);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = Chat.json(response).path("error");
    assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
    assertThat(error.path("param").asString()).isEqualTo("messages");
    assertThat(error.path("message").asString()).contains("json");
  }

  @Test
  void badRequestsGetTheOpenAiErrorShape() {
    HttpResponse<String> notJson = Chat.post(server, "{not json", null);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(Chat.json(notJson).path("error").path("type").asString())
        .isEqualTo("invalid_request_error");

    ObjectNode noModel = Chat.body(M, "x", "y");
    noModel.remove("model");
    assertThat(Chat.json(Chat.post(server, noModel, null)).path("error").path("param").asString())
        .isEqualTo("model");

    HttpResponse<String> unknown = Chat.post(server, Chat.body("gpt-9", "x", "y"), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Chat.json(unknown).path("error").path("code").asString())
        .isEqualTo("model_not_found");

    assertThat(Chat.get(server, "/completions").statusCode()).isEqualTo(404);
  }

  @Test
  void maxTokensCutsTheAnswerWithFinishReasonLength() {
    ObjectNode body = Chat.body(M, "Draft a reply.", THREAD);
    body.put("max_tokens", 3);

    JsonNode json = Chat.json(Chat.post(server, body, null));

    assertThat(json.path("choices").path(0).path("finish_reason").asString()).isEqualTo("length");
    assertThat(json.path("choices").path(0).path("message").path("content").asString()).hasSize(12);
    assertThat(json.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
  }

  @Test
  void aKeyedServerRefusesMissingAndWrongKeys() {
    server.close();
    server = FakeOpenAiServer.options().apiKey("sk-right").models("m1", "m2").start();

    HttpResponse<String> missing = Chat.post(server, Chat.body("m1", "x", "y"), null);
    HttpResponse<String> wrong = Chat.post(server, Chat.body("m1", "x", "y"), "sk-wrong");
    HttpResponse<String> right =
        Chat.post(server, Chat.body("m2", "x", "Hello there. Bye."), "sk-right");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(Chat.json(wrong).path("error").path("code").asString()).isEqualTo("invalid_api_key");
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(Chat.content(right)).isEqualTo("Noted: Hello there.");
  }

  @Test
  void theModelListNamesTheServedModels() {
    JsonNode list = Chat.json(Chat.get(server, "/models"));

    assertThat(list.path("object").asString()).isEqualTo("list");
    assertThat(list.path("data").path(0).path("id").asString()).isEqualTo(M);
    assertThat(list.path("data").path(0).path("object").asString()).isEqualTo("model");
  }

  @Test
  void everyRequestIsRecordedAsSent() {
    Chat.post(server, Chat.body(M, "Summarise.", "Hi."), "sk-abc");
    Chat.get(server, "/models");

    assertThat(server.requests())
        .extracting(RecordedRequest::toString)
        .containsExactly("POST /v1/chat/completions", "GET /v1/models");
    RecordedRequest sent = server.completionRequests().getFirst();
    assertThat(sent.header("authorization")).isEqualTo("Bearer sk-abc");
    assertThat(sent.json().path("messages").path(1).path("content").asString()).isEqualTo("Hi.");
  }
}
