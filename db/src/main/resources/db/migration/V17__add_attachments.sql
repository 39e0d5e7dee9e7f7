-- Files carried by messages (issue 17). One row per attachment of a message, inbound or outbound,
-- kept even when its bytes are not: state says where the bytes are and reason why not.
--   PENDING  known from the provider's listing, bytes not fetched yet (or a fetch is under way)
--   STORED   bytes in the attachment store under sha256 (content type checked from the bytes)
--   FAILED   fetching failed after its retries; "retry" sets it back to PENDING
--   REFUSED  not kept on purpose (over a size limit, blocked type, empty); reason says which
create table attachments (
  id                      uuid        primary key,
  message_id              uuid        not null references messages (id),
  position                integer     not null,
  provider_attachment_id  text,
  filename                text        not null,
  declared_content_type   text,
  content_type            text,
  size_bytes              bigint,
  content_id              text,
  inline                  boolean     not null default false,
  sha256                  text,
  state                   text        not null,
  reason                  text,
  attempts                integer     not null default 0,
  created_at              timestamptz not null default now(),
  updated_at              timestamptz not null default now(),
  constraint attachments_state_known check (state in ('PENDING', 'STORED', 'FAILED', 'REFUSED')),
  constraint attachments_stored_has_content check (state <> 'STORED' or sha256 is not null),
  constraint attachments_sha256_shape check (sha256 is null or sha256 ~ '^[0-9a-f]{64}$'),
  constraint attachments_size_non_negative check (size_bytes is null or size_bytes >= 0),
  constraint attachments_position_non_negative check (position >= 0)
);
create unique index attachments_message_position on attachments (message_id, position);
-- The sync sees a message's listing again after a crash: one row per provider attachment.
create unique index attachments_provider_id_unique on attachments (message_id, provider_attachment_id)
  where provider_attachment_id is not null;
create index attachments_by_sha256 on attachments (sha256) where sha256 is not null;
create index attachments_pending on attachments (updated_at) where state = 'PENDING';

-- The Postgres back end of the attachment store: content addressed by SHA-256, stored once.
create table attachment_blobs (
  sha256      text        primary key,
  size_bytes  bigint      not null,
  content     bytea       not null,
  created_at  timestamptz not null default now(),
  constraint attachment_blobs_sha256_shape check (sha256 ~ '^[0-9a-f]{64}$'),
  constraint attachment_blobs_size_matches check (size_bytes = octet_length(content))
);
