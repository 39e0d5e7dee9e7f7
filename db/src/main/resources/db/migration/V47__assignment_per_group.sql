-- Issue 21.3: auto-assignment per group, with skills. A ticket that asks for skills (its tags that
-- are skills of a member of its group) waits for a skilled member until its group's
-- skill_wait_seconds have passed since it started waiting for an agent; this column is that moment.
--
-- waiting_since: set when the ticket starts waiting (opened unassigned, or unassigned/reopened into
-- NEW) and when it moves to another group (the new group's members start from scratch); null while
-- it does not wait. Maintained by a trigger, so every writer (the projection, the demo, tests) gets
-- it right.
alter table tickets add column waiting_since timestamptz;

update tickets set waiting_since = created_at where status = 'NEW' and assignee_id is null;

create function tickets_track_waiting_since() returns trigger language plpgsql as $$
begin
  if new.status = 'NEW' and new.assignee_id is null then
    if tg_op = 'INSERT' then
      new.waiting_since := coalesce(new.created_at, now());
    elsif not (old.status = 'NEW' and old.assignee_id is null)
          or old.group_id is distinct from new.group_id
          or old.waiting_since is null then
      new.waiting_since := now();
    end if;
  else
    new.waiting_since := null;
  end if;
  return new;
end $$;

create trigger tickets_track_waiting_since
  before insert or update of status, assignee_id, group_id on tickets
  for each row execute function tickets_track_waiting_since();

