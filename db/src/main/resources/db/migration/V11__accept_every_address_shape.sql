-- Email addresses of every shape real mail has (issue 14). The old shape check refused quoted
-- local parts with spaces ("q z"@example.org), so one such sender failed every sync pass. Every
-- address now enters through one parser (dev.tempodesk.workflows.mail.MailAddresses) and is
-- stored in its canonical form: lower case, the domain as its ASCII (IDN A-label) form, the local
-- part a dot-atom or one quoted string, at most 254 octets (RFC 5321).
--
-- The check below is structural and a little wider than what the parser writes, so it accepts
-- everything the parser produces: an unquoted local part without space, '@' or '"', or one quoted
-- string (with backslash escapes); one '@'; a domain without space, '@' or '"'; no control
-- characters; no ASCII capitals (lower() under the "C" collation changes ASCII only, so the check
-- does not depend on the database's locale); at most 254 octets. Every row the old checks
-- accepted passes, except one with a stray '"', a control character or over 254 octets: no mail
-- system delivers to those, and the migration stops naming them rather than keeping them silently.

create function email_address_acceptable(email text) returns boolean
  language sql immutable strict parallel safe
  as $$
    select octet_length(email) <= 254
      and email = lower(email collate "C")
      and email ~ '^([^"@[:space:][:cntrl:]]+|"([^"\\[:cntrl:]]|\\[^[:cntrl:]])*")@[^"@[:space:][:cntrl:]]+$'
  $$;

comment on function email_address_acceptable(text) is
  'Whether an address has the shape of MailAddresses'' canonical form (see V11).';

do $$
declare
  refused text;
begin
  select string_agg(kind || ' #' || id || ' <' || email || '>', ', ') into refused
  from (select 'contact' as kind, id, email from contacts
        union all
        select 'agent', id, email from agents) people
  where not email_address_acceptable(email);
  if refused is not null then
    raise exception 'These email addresses cannot receive mail; correct them, then migrate again: %',
      refused;
  end if;
end $$;

alter table contacts
  drop constraint contacts_email_shape,
  drop constraint contacts_email_lowercase,
  add constraint contacts_email_acceptable check (email_address_acceptable(email));

alter table agents
  drop constraint agents_email_lowercase,
  add constraint agents_email_acceptable check (email_address_acceptable(email));

-- messages.to_addresses and cc_addresses hold RFC 5322 address lists ("Doe, Jane"
-- <jane@example.org>, "a,b"@example.org), read back with the same parser: a comma inside quotes
-- no longer splits a recipient. Rows written before hold plain addresses joined by ", ", which
-- read the same way.
comment on column messages.cc_addresses is
  'RFC 5322 address list of canonical addresses (MailAddresses.formatList); never split on commas.';
comment on column messages.to_addresses is
  'RFC 5322 address list of canonical addresses (MailAddresses.formatList); never split on commas.';
