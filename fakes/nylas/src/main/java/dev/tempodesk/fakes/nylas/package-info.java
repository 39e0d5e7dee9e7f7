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
 *   <li>Injected faults act before the request touches any state and are not stored by idempotent
 *       send; real errors from send are stored and replayed.
 * </ul>
 */
package dev.tempodesk.fakes.nylas;
