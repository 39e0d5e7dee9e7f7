-- Text search in the default ticket list (live tickets only, most urgent first). The GIN index over
-- all tickets finds every match, closed ones included, which Postgres then intersects with the
-- 100,000 live rows of tickets_held: at a million tickets that alone took 25-45 ms per search
-- (bench B2). This index holds only live tickets, so a search visits only live matches.
create index tickets_active_search on tickets using gin (search_vector) where status <> 'CLOSED';
