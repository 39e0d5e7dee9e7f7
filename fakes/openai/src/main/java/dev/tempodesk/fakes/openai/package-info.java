/**
 * An in-process fake of an OpenAI-compatible chat-completions API ({@code POST
 * /v1/chat/completions}, {@code GET /v1/models}) in the documented shapes: a completion is {@code
 * {"id","object":"chat.completion","created","model","choices":[{"index":0,"message":{"role":
 * "assistant","content"},"finish_reason"}],"usage":{"prompt_tokens","completion_tokens",
 * "total_tokens"}}}, an error {@code {"error":{"message","type","param","code"}}}.
 *
 * <p>Like the real API it refuses with 400 {@code invalid_request_error} a body that is not JSON,
 * lacks {@code model} or {@code messages}, has an unknown role, asks to stream, or asks for {@code
 * response_format: {"type":"json_object"}} without the word "JSON" in any message; 404 {@code
 * model_not_found} for a model it does not serve; 401 for a missing or wrong key when it was
 * started with one. {@code max_tokens} cuts the answer (a quarter of its characters count as
 * tokens) and sets {@code finish_reason: "length"}.
 *
 * <p>The answer is computed from the prompt, so tests can assert it. The first of the words
 * "triage", "summar…", "draft" or "reply" in the system messages decides what is asked (none: a
 * JSON request is a triage, else the answer is "Noted: " and the last message's first sentence):
 *
 * <ul>
 *   <li><b>Summary</b>: one line "- Speaker: first sentence." per message of the thread. A message
 *       starts at a line "From: Name &lt;address&gt;" or "Name (role): text"; a header line such as
 *       "Subject: …" ends it. Chat messages without such lines count as one message each, by
 *       "Customer" (user) or "Agent" (assistant).
 *   <li><b>Draft</b>: "Hello NAME,\n\nthank you for your message about \"SUBJECT\". …\n\nKind
 *       regards", the name from a "Customer: …" line, else the first speaker whose role says
 *       customer, else the first speaker; the subject from a "Subject: …" line.
 *   <li><b>Triage</b>: {@code {"priority":"LOW|NORMAL|HIGH|URGENT","tags":[…],"group":"…",
 *       "reason":"…"}} from keywords of the user and assistant messages ("urgent", "outage" …:
 *       URGENT; "cannot", "error" …: HIGH; "question", "feature" …: LOW; tags billing, login, bug,
 *       shipping, feature-request); the group is taken from a "Groups: a, b" line when there is
 *       one, else "Billing" or "Support".
 * </ul>
 *
 * <p>Faults ({@link dev.tempodesk.fakes.openai.FaultPlan}) are queued per call: a delay, 429 with
 * {@code Retry-After}, 5xx, a body that is not JSON, a completion without choices, prose where JSON
 * was asked, or a scripted answer (e.g. prompt-injection output). Every request is recorded as
 * sent.
 */
package dev.tempodesk.fakes.openai;
