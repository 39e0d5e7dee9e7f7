-- Merging two contacts of the same person into one (issue 21.5). The merged contact's row stays
-- (marked merged_into_id) so old audit entries and references still resolve; everything else moves
-- to the surviving contact: its addresses, messages, notifications and, one by one through their
-- workflows, its tickets (the contact-merge workflow; progress in contact_merges).

alter table contacts
  add column merged_into_id bigint references contacts (id),
  add column merged_at      timestamptz,
  add constraint contacts_not_merged_into_itself check (merged_into_id <> id);

-- A contact may now own several addresses: its own (contacts.email) and those of the contacts
-- merged into it. Finding a contact by address goes through this table first
-- (ContactRepository.findByEmail), so mail and sign-ins from a merged address reach the survivor.
alter table person_addresses drop constraint person_addresses_contact_id_key;
create index person_addresses_by_contact on person_addresses (contact_id);

comment on table person_addresses is
  'Who owns an email address: exactly one agent or one contact (V16); a contact owns its own'
  ' address and those of contacts merged into it (V49). Kept by triggers and the merge.';

-- A contact changing its address gives up the old one only (not its merged addresses).
create or replace function person_addresses_claim() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.email = old.email then
    return null;
  end if;
  if tg_table_name = 'agents' then
    delete from person_addresses where agent_id = new.id;
    insert into person_addresses (email, agent_id) values (new.email, new.id);
  else
    if tg_op = 'UPDATE' then
      delete from person_addresses where contact_id = new.id and email = old.email;
    end if;
    if not exists (select 1 from person_addresses where email = new.email and contact_id = new.id)
    then
      insert into person_addresses (email, contact_id) values (new.email, new.id);
    end if;
  end if;
  return null;
end $$;

create table contact_merges (
  id             bigint generated always as identity primary key,
  survivor_id    bigint      not null references contacts (id),
  merged_id      bigint      not null unique references contacts (id),
  agent_id       bigint      not null references agents (id),
  comment        text        not null,
  tickets_total  integer     not null,
  status         text        not null default 'RUNNING',
  started_at     timestamptz not null default now(),
  finished_at    timestamptz,
  constraint contact_merges_status_known check (status in ('RUNNING', 'DONE', 'INCOMPLETE')),
  constraint contact_merges_two_contacts check (survivor_id <> merged_id)
);
create index contact_merges_by_survivor on contact_merges (survivor_id, id);

comment on table contact_merges is
  'One merge of a contact into another (V49). INCOMPLETE: some tickets could not be moved'
  ' (contact_merge_failures); asking for the merge again retries them.';

create table contact_merge_failures (
  merge_id       bigint      not null references contact_merges (id) on delete cascade,
  ticket_number  bigint      not null references tickets (number),
  error          text        not null,
  failed_at      timestamptz not null default now(),
  primary key (merge_id, ticket_number)
);
