-- Nylas keeps a keyed send's answer, errors included, for an hour and replays it for the same
-- Idempotency-Key. So a send that was answered with an error is tried again under a new key: the
-- row's id (attempt 0, the key used so far) or "<id>/<attempt>". Every retry of one attempt agrees
-- on its key; an attempt only moves on after an error answer or a manual "Send again".
alter table messages
  add column send_attempt integer not null default 0,
  add constraint messages_send_attempt_non_negative check (send_attempt >= 0);

alter table notifications
  add column send_attempt integer not null default 0,
  add constraint notifications_send_attempt_non_negative check (send_attempt >= 0);
