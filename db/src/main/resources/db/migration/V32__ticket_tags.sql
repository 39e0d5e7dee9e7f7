-- Issue 19: free-form tags on tickets, normalized by the ticket workflow (lower case, trimmed,
-- sorted, no duplicates) and written with the rest of the ticket's row. The GIN index serves the
-- list's tag filter ("all of these tags": tags @> array[...]).
alter table tickets add column tags text[] not null default '{}';
create index tickets_tags on tickets using gin (tags);
