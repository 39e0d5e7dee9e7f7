package dev.tempodesk.db.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * "Similar solved tickets" (issue 23 item 5): past tickets closed as solved (or with a workaround)
 * that match what a ticket is about, each with the public reply that solved it. Needs no language
 * model: it is Postgres full-text search over the tickets' search documents of migration V33.
 *
 * <p>The question is the ticket's subject and its first customer message (HTML without its markup),
 * cut by the same {@code simple} parser that built the documents. A whole mail as one query with
 * every word required would find nothing, so the words are OR-ed, and only the {@value #TERMS} most
 * informative of them: English stop words and bare numbers (order numbers, dates) leave, as do
 * words in more than {@value #MAX_SHARE} of all tickets ("hello", "regards" in a helpdesk), read
 * from the planner's statistics of {@code search_vector} (its most common lexemes; {@code ANALYZE}
 * keeps them), and words no other ticket has (a typo, an order number) leave too, each checked by
 * one lookup in the search index; of a long mail only the first {@value #CANDIDATES} distinct words
 * are weighed. Subject words come first, then the rarer a word the sooner. Tickets are ranked by
 * {@code ts_rank} of their document (a subject match counts ten times a body match), then the most
 * recently closed first.
 */
@Repository
public class SimilarTicketRepository {
  /** How many words of the ticket the question holds at most. */
  static final int TERMS = 16;

  /** How many words of the ticket (subject first, then in order) are weighed at most. */
  static final int CANDIDATES = 200;

  /** Words in more than this share of all tickets tell nothing apart. */
  static final double MAX_SHARE = 0.2;

  private static final String SQL =
      """
      with source as (
        select t.subject,
               coalesce((select coalesce(m.body_text, search_html_text(m.body_html))
                           from messages m
                          where m.ticket_number = t.number and m.direction = 'INBOUND'
                          order by m.occurred_at, m.id
                          limit 1), '') as body
          from tickets t
         where t.number = {0}
      ),
      words as (
        select lexeme, bool_or(part.in_subject) as in_subject, count(*) as uses,
               min(token.at) as first_at,
               cast('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''''
                    as tsquery) as probe
          from source,
               lateral (values (true, source.subject), (false, left(source.body, 20000)))
                 as part(in_subject, text),
               lateral ts_debug('simple', part.text) with ordinality
                 as token(alias, description, token, dictionaries, dictionary, lexemes, at),
               lateral unnest(token.lexemes) as lexeme
         where token.alias not in ('asciihword', 'hword', 'numhword', 'int', 'uint', 'float',
                                   'sfloat', 'email', 'url', 'url_path', 'protocol', 'file',
                                   'tag', 'entity')
           and char_length(lexeme) > 1
           and coalesce(cardinality(ts_lexize('english_stem', lexeme)), 1) > 0
         group by lexeme
         order by bool_or(part.in_subject) desc, min(token.at)
         limit {5}
      ),
      shares as (
        select common.lexeme, common.share
          from pg_stats s,
               unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                 as common(lexeme, share)
         where s.schemaname = current_schema() and s.tablename = 'tickets'
           and s.attname = 'search_vector' and common.lexeme is not null
      ),
      terms as (
        select w.probe
          from words w left join shares s on s.lexeme = w.lexeme
         where coalesce(s.share, 0) <= {1}
           and (s.share is not null
                or exists (select from tickets other
                            where other.search_vector @@ w.probe and other.number <> {0}))
         order by w.in_subject desc, coalesce(s.share, 0), w.uses desc, w.first_at
         limit {2}
      ),
      question as (
        select cast(string_agg(cast(probe as text), ' | ') as tsquery) as q from terms
      ),
      found as (
        select tickets.number, tickets.subject, tickets.resolution, tickets.closed_at,
               ts_rank(tickets.search_vector, question.q) as rank
          from question, tickets
         where question.q is not null
           and tickets.search_vector @@ question.q
           and tickets.status = 'CLOSED' and tickets.resolution in ('SOLVED', 'WORKAROUND')
           and tickets.number <> {0}
           and {3}
         order by rank desc, tickets.closed_at desc nulls last, tickets.number desc
         limit {4}
      )
      select found.*, reply.id as reply_id, reply.body_text as reply_text,
             reply.occurred_at as replied_at, reply.author_agent_id as reply_agent_id,
             agents.display_name as reply_agent_name
        from found
        left join lateral (
               select m.id, m.body_text, m.occurred_at, m.author_agent_id
                 from messages m
                where m.ticket_number = found.number
                  and m.direction = 'OUTBOUND' and m.visibility = 'PUBLIC'
                  and m.author_agent_id is not null
                  and m.delivery_status is distinct from 'FAILED'
                  and (found.closed_at is null or m.occurred_at <= found.closed_at)
                order by m.occurred_at desc, m.created_at desc
                limit 1) reply on true
        left join agents on agents.id = reply.author_agent_id
       order by found.rank desc, found.closed_at desc nulls last, found.number desc
      """;

  private final DSLContext dsl;

  public SimilarTicketRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A past reply an agent sent: the last public one before its ticket was closed. */
  public record SolvingReply(
      UUID messageId, String text, Long agentId, String agentName, Instant sentAt) {}

  /**
   * A solved ticket like the one asked about.
   *
   * @param rank {@code ts_rank} of its document against the question; higher is more alike
   * @param reply the reply that solved it, or null when no agent replied in public before closing
   */
  public record SimilarTicket(
      long number,
      String subject,
      String resolution,
      Instant closedAt,
      double rank,
      SolvingReply reply) {}

  /**
   * The solved tickets most like ticket {@code number} that {@code access} sees, best first, at
   * most {@code limit}; never the ticket itself. Empty when the ticket is missing or has no
   * informative word. Whether the asker may see ticket {@code number} itself is the caller's check.
   */
  public List<SimilarTicket> similarTo(long number, TicketAccess access, int limit) {
    return dsl.resultQuery(
            SQL,
            DSL.val(number),
            DSL.val(MAX_SHARE),
            DSL.val(TERMS),
            access.condition(),
            DSL.val(limit),
            DSL.val(CANDIDATES))
        .fetch(SimilarTicketRepository::toSimilar);
  }

  private static SimilarTicket toSimilar(Record row) {
    UUID replyId = row.get("reply_id", UUID.class);
    SolvingReply reply =
        replyId == null
            ? null
            : new SolvingReply(
                replyId,
                row.get("reply_text", String.class),
                row.get("reply_agent_id", Long.class),
                row.get("reply_agent_name", String.class),
                instant(row.get("replied_at", OffsetDateTime.class)));
    return new SimilarTicket(
        row.get("number", Long.class),
        row.get("subject", String.class),
        row.get("resolution", String.class),
        instant(row.get("closed_at", OffsetDateTime.class)),
        row.get("rank", Double.class),
        reply);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
