-- Issue 19: the ticket list's text search covers what a person would search: the subject, the text
-- of every message (HTML mail without its markup), who wrote (the reporter's name and address, the
-- names and addresses of customers who wrote messages), the organization, the tags.
--
-- One document per ticket. tickets.search_vector, until now generated from the subject, becomes
-- that document, kept current by triggers: subject (weight A), people, organization and tags (B),
-- message senders (B), message bodies (D, no weight). A search stays one GIN lookup in one table:
-- the live-ticket index of V9 (tickets_active_search) keeps serving the default list, the list
-- still picks its page from tickets alone before joining people ("page first, join later", see
-- TicketRepository.list), and ts_rank over the one document ranks a subject match above a match
-- in a body only. The alternative, a vector per message with its own GIN index, would find
-- matching messages of closed tickets too (messages carry no status; nine tickets in ten are
-- closed) and would need a join and a union for every search and every rank.
--
-- Writers do not change: the triggers below do the work.
--   * Before a ticket row is inserted, or when its subject, reporter, organization or tags change,
--     the whole document is rebuilt (subject, people, tags and the messages it already has).
--   * After a message is inserted, its sender and text are appended to its ticket's document;
--     a change of a message's body rebuilds it.
--   * A reporter's or organization's new name or address is written into their tickets (the
--     sender of a message stays searchable by the name and address it had when it wrote).
-- A document that would exceed Postgres' 1 MB tsvector limit (a thread of huge generated mail)
-- keeps what it had: the mail is stored all the same, its text just is not searchable.

-- The text of an HTML body: scripts, styles and comments dropped, every tag and character
-- reference a space (so "<b>Order</b>12" is two words and no attribute or tag name is searchable).
create function search_html_text(html text) returns text
  language sql immutable strict parallel safe
  as $$
    select regexp_replace(
             regexp_replace(
               regexp_replace(
                 regexp_replace(
                   regexp_replace(html, '<script\M.*?</script\s*>', ' ', 'gi'),
                   '<style\M.*?</style\s*>', ' ', 'gi'),
                 '<!--.*?-->', ' ', 'g'),
               '<[^>]*>', ' ', 'g'),
             '&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);', ' ', 'gi')
  $$;

-- Concatenation of documents (positions of each later one follow the earlier ones).
create aggregate search_document_agg(tsvector) (
  sfunc = tsvector_concat, stype = tsvector, initcond = '');

-- A message's part of its ticket's document: the customer who wrote it (name and address, B) and
-- its text (D). Outbound mail is from the helpdesk's own address, which would match every ticket.
create function message_search_document(
    body_text text, body_html text, direction text, from_address text, author_contact_id bigint)
  returns tsvector
  language sql stable parallel safe
  as $$
    select setweight(to_tsvector('simple', concat_ws(' ',
             (select c.display_name || ' ' || c.email from contacts c where c.id = author_contact_id),
             case when direction = 'INBOUND' then from_address end)), 'B')
        || to_tsvector('simple',
             left(coalesce(body_text, search_html_text(body_html), ''), 200000))
  $$;

create function ticket_search_document(
    ticket bigint, subject text, reporter bigint, organization bigint, tags text[])
  returns tsvector
  language sql stable parallel safe
  as $$
    select setweight(to_tsvector('simple', subject), 'A')
        || setweight(to_tsvector('simple', concat_ws(' ',
             (select c.display_name || ' ' || c.email from contacts c where c.id = reporter),
             (select o.name from organizations o where o.id = organization),
             array_to_string(tags, ' '))), 'B')
        || coalesce(
             (select search_document_agg(
                       message_search_document(m.body_text, m.body_html, m.direction,
                                               m.from_address, m.author_contact_id)
                       order by m.occurred_at, m.id)
                from messages m
               where m.ticket_number = ticket),
             '')
  $$;

create function ticket_search_document_safe(
    ticket bigint, subject text, reporter bigint, organization bigint, tags text[])
  returns tsvector
  language plpgsql stable
  as $$
  begin
    return ticket_search_document(ticket, subject, reporter, organization, tags);
  exception when program_limit_exceeded then
    -- Too much text for one document: the ticket stays searchable by subject, people and tags.
    return ticket_search_document(-1, subject, reporter, organization, tags);
  end
  $$;

alter table tickets alter column search_vector drop expression;
update tickets
   set search_vector = ticket_search_document_safe(number, subject, reporter_id, organization_id, tags);

create function tickets_search_document() returns trigger
  language plpgsql
  as $$
  begin
    new.search_vector := ticket_search_document_safe(
      new.number, new.subject, new.reporter_id, new.organization_id, new.tags);
    return new;
  end
  $$;

create trigger tickets_search_document_insert
  before insert on tickets
  for each row execute function tickets_search_document();

-- The projection writes every column it carries on each change; the document is rebuilt only when
-- one of its parts really changed.
create trigger tickets_search_document_update
  before update of subject, reporter_id, organization_id, tags on tickets
  for each row
  when (old.subject is distinct from new.subject
        or old.reporter_id is distinct from new.reporter_id
        or old.organization_id is distinct from new.organization_id
        or old.tags is distinct from new.tags)
  execute function tickets_search_document();

create function messages_search_document() returns trigger
  language plpgsql
  as $$
  begin
    if tg_op = 'INSERT' then
      begin
        update tickets
           set search_vector = search_vector || message_search_document(
                 new.body_text, new.body_html, new.direction, new.from_address,
                 new.author_contact_id)
         where number = new.ticket_number;
      exception when program_limit_exceeded then
        null; -- the document is full; see the head of V33
      end;
    else
      update tickets
         set search_vector = ticket_search_document_safe(
               number, subject, reporter_id, organization_id, tags)
       where number = new.ticket_number;
    end if;
    return null;
  end
  $$;

create trigger messages_search_document_insert
  after insert on messages
  for each row execute function messages_search_document();

create trigger messages_search_document_update
  after update of body_text, body_html, author_contact_id on messages
  for each row
  when (old.body_text is distinct from new.body_text
        or old.body_html is distinct from new.body_html
        or old.author_contact_id is distinct from new.author_contact_id)
  execute function messages_search_document();

create function people_search_document() returns trigger
  language plpgsql
  as $$
  begin
    if tg_table_name = 'contacts' then
      update tickets
         set search_vector = ticket_search_document_safe(
               number, subject, reporter_id, organization_id, tags)
       where reporter_id = new.id;
    else
      update tickets
         set search_vector = ticket_search_document_safe(
               number, subject, reporter_id, organization_id, tags)
       where organization_id = new.id;
    end if;
    return null;
  end
  $$;

create trigger contacts_search_document
  after update of display_name, email on contacts
  for each row
  when (old.display_name is distinct from new.display_name or old.email is distinct from new.email)
  execute function people_search_document();

create trigger organizations_search_document
  after update of name on organizations
  for each row
  when (old.name is distinct from new.name)
  execute function people_search_document();

-- The UPDATED order of the list (most recently changed first) over live tickets, as
-- tickets_active_by_urgency serves URGENCY; CREATED uses tickets_by_created_at (V8).
create index tickets_active_by_updated on tickets (updated_at desc, number desc)
  where status <> 'CLOSED';
