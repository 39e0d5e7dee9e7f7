-- One address, one person (issue 16): an agent and a contact may no longer share an email
-- address (sign-in silently picked the agent). person_addresses holds every agent's and every
-- contact's address once; triggers keep it in step with both tables, and its primary key refuses
-- the second owner of an address, so two concurrent writers cannot both win.
--
-- Addresses that an agent and a contact share already stay with the agent here; the contact keeps
-- its row and its address (tickets and mail refer to it) but no longer owns the address, so
-- nothing new can be given it. The migration names them (RAISE NOTICE) so that an admin can give
-- the contact another address.

create table person_addresses (
  email       text   primary key,
  agent_id    bigint unique references agents (id) on delete cascade,
  contact_id  bigint unique references contacts (id) on delete cascade,
  constraint person_addresses_one_owner check (num_nonnulls(agent_id, contact_id) = 1)
);

comment on table person_addresses is
  'Who owns an email address: exactly one agent or one contact (V16); kept by triggers.';

insert into person_addresses (email, agent_id) select email, id from agents;
insert into person_addresses (email, contact_id)
  select email, id from contacts c
  where not exists (select 1 from person_addresses p where p.email = c.email);

do $$
declare
  shared text;
begin
  select string_agg('contact #' || c.id || ' <' || c.email || '>', ', ') into shared
  from contacts c join agents a on a.email = c.email;
  if shared is not null then
    raise notice 'These contacts share their address with an agent, who keeps it: %', shared;
  end if;
end $$;

create function person_addresses_claim() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.email = old.email then
    return null;
  end if;
  if tg_table_name = 'agents' then
    delete from person_addresses where agent_id = new.id;
    insert into person_addresses (email, agent_id) values (new.email, new.id);
  else
    delete from person_addresses where contact_id = new.id;
    insert into person_addresses (email, contact_id) values (new.email, new.id);
  end if;
  return null;
end $$;

create trigger agents_claim_address
  after insert or update of email on agents
  for each row execute function person_addresses_claim();
create trigger contacts_claim_address
  after insert or update of email on contacts
  for each row execute function person_addresses_claim();

-- A new thread mailed from an agent's address opens no ticket (a ticket's reporter is a contact,
-- and the address is the agent's); it is skipped with this reason. Replies from an agent's address
-- to an existing ticket are still the agent's messages on it.
alter table skipped_messages
  drop constraint skipped_messages_reason_known,
  add constraint skipped_messages_reason_known check (reason in
    ('DRAFT', 'OWN_SENT', 'OUTBOUND_COPY', 'AUTO_REPLY', 'BOUNCE', 'BULK', 'MAILING_LIST',
     'NO_SENDER', 'LOOP', 'JUNK', 'TRASH', 'FROM_AGENT'));
