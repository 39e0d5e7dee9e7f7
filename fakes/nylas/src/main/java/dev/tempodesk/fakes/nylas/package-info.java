/**
 * An in-process fake of the Nylas API v3 email endpoints, following {@code nylas-v3.md}. Where the
 * reference leaves a choice open, the fake decides as follows (clients must not rely on more):
 *
 * <ul>
 *   <li>{@code received_after} is inclusive, {@code received_before} exclusive.
 *   <li>Order is newest first by {@code date}, ties broken by arrival (later first). Cursors are
 *       keysets, never expire, carry the filters, and reject different filters sent with them.
 *   <li>The last page omits {@code next_cursor} or sends null, at random (seeded).
 *   <li>Drafts are listed with the messages as {@code object:"message"} in folder {@code DRAFTS}
 *       (attribute {@code \Drafts}), so only folder-based filtering skips them.
 *   <li>Webhook {@code data} has no {@code grant_id}; read {@code data.object.grant_id}.
 *   <li>Injected faults of reads act before the request touches any state.
 *   <li>A send with an {@code Idempotency-Key} keeps Nylas' answer, success <em>or error</em>, for
 *       an hour and replays it with {@code Idempotent-Response: true} (reference §4); a request
 *       while the first is in flight (slow sends make that reachable) gets 409 {@code
 *       api.concurrent_idempotent_request}. Injected faults of a send are drawn in flight and split
 *       in two kinds. <b>Answers</b>: the JSON errors Nylas gives itself (500, 503, 504, 429,
 *       forced statuses) come instead of the send and are kept under the key like any answer, so
 *       retrying the key gets the same error for an hour. <b>Lost answers</b>: a 502 is a proxy's
 *       HTML page, so the request reached Nylas, which sent the mail, and only its answer was lost:
 *       the key keeps the real outcome, and the client cannot tell whether the mail went out.
 *       {@code loseNextSendAnswers} is the third case, an error Nylas answered although the
 *       provider took the mail (a provider timeout after the fact); that error is what the key
 *       keeps. A replay never draws faults: Nylas answers it without the provider.
 *   <li>For a client's own tests against fixed fixtures, {@link
 *       dev.tempodesk.fakes.nylas.FakeNylasServer#script} queues one-shot {@link
 *       dev.tempodesk.fakes.nylas.ScriptedReply scripted replies} per route (method and path
 *       pattern): they are given verbatim, before the API-key check, faults and state, and touch
 *       none of them; a route whose queue is empty gets the fake's own answers again. Every
 *       request, scripted or not, is {@link dev.tempodesk.fakes.nylas.FakeNylasServer#requests
 *       recorded} as sent (method, encoded target, headers, body) before it is answered.
 * </ul>
 */
package dev.tempodesk.fakes.nylas;
