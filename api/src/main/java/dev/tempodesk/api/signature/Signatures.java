package dev.tempodesk.api.signature;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.macro.PlaceholderValues;
import dev.tempodesk.api.macro.Placeholders;
import dev.tempodesk.api.signature.SignatureDtos.AppendedSignatureDto;
import dev.tempodesk.api.signature.SignatureDtos.SignatureDto;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.signature.SignatureRepository;
import dev.tempodesk.db.ticket.TicketView;
import dev.tempodesk.workflows.ticket.Actor;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.springframework.stereotype.Service;

/**
 * Signatures (issue 20 item 2): every agent's personal one and every mailbox's company footer, and
 * what a reply gets appended.
 *
 * <p>A reply by an agent (typed, or a macro's) gets the agent's signature, then the footer of the
 * mailbox it is sent from, placeholders filled for the ticket: as HTML under an HTML body, as text
 * under a text body. Notes and automatic acknowledgements get neither.
 */
@Service
public class Signatures {
  /** The most HTML a signature may have, before and after sanitizing. */
  public static final int MAX_HTML = 10_000;

  private final SignatureRepository signatures;
  private final AgentRepository agents;
  private final MailboxRepository mailboxes;
  private final PlaceholderValues placeholders;

  Signatures(
      SignatureRepository signatures,
      AgentRepository agents,
      MailboxRepository mailboxes,
      PlaceholderValues placeholders) {
    this.signatures = signatures;
    this.agents = agents;
    this.mailboxes = mailboxes;
    this.placeholders = placeholders;
  }

  public SignatureDto ofAgent(long agentId) {
    agent(agentId);
    return dto(signatures.ofAgent(agentId));
  }

  public SignatureDto saveForAgent(long agentId, String html, long by) {
    agent(agentId);
    return dto(signatures.saveForAgent(agentId, checked(html), by));
  }

  public SignatureDto ofMailbox(long mailboxId) {
    mailbox(mailboxId);
    return dto(signatures.ofMailbox(mailboxId));
  }

  public SignatureDto saveForMailbox(long mailboxId, String html, long by) {
    mailbox(mailboxId);
    return dto(signatures.saveForMailbox(mailboxId, checked(html), by));
  }

  /** What a reply by {@code agent} on {@code ticket} gets appended, placeholders filled. */
  public AppendedSignatureDto appended(TicketView ticket, Actor agent) {
    if (agent.kind() != Actor.Kind.AGENT || agent.id() == null) {
      return new AppendedSignatureDto("", "", "", "");
    }
    Optional<AgentsRecord> row = agents.find(agent.id());
    Placeholders.Values values =
        placeholders.of(ticket, agent.name(), row.map(AgentsRecord::getEmail).orElse(null));
    String mine =
        rendered(signatures.ofAgent(agent.id()).map(SignatureRepository.Stored::html), values);
    String footer =
        rendered(
            mailboxes
                .replyingFor(ticket.row().getMailboxId())
                .flatMap(box -> signatures.ofMailbox(box.getId()))
                .map(SignatureRepository.Stored::html),
            values);
    return new AppendedSignatureDto(
        mine, SignatureHtml.toText(mine), footer, SignatureHtml.toText(footer));
  }

  /**
   * The reply's body with the agent's signature and the mailbox's footer appended (HTML under an
   * HTML body, text under a text body); the body as it is when there are none.
   */
  public String appendTo(String body, boolean html, TicketView ticket, Actor agent) {
    AppendedSignatureDto appended = appended(ticket, agent);
    StringBuilder result = new StringBuilder(body);
    if (html) {
      StringBuilder signed = new StringBuilder();
      for (String part : new String[] {appended.agentHtml(), appended.mailboxHtml()}) {
        if (!part.isEmpty()) {
          signed.append("<br><div>").append(part).append("</div>");
        }
      }
      return aboveTheQuote(body, signed.toString());
    } else {
      for (String part : new String[] {appended.agentText(), appended.mailboxText()}) {
        if (!part.isEmpty()) {
          result.append("\n\n").append(part);
        }
      }
    }
    return result.toString();
  }

  /**
   * The signature goes under the agent's own words and above a quoted earlier message (the
   * composer's "On …, … wrote:" line and its blockquote at the end of the body), as mail clients
   * place it.
   */
  static String aboveTheQuote(String body, String signature) {
    if (signature.isEmpty()) {
      return body;
    }
    Element root = Jsoup.parseBodyFragment(body).body();
    Element last = root.children().last();
    Element attribution = last == null ? null : last.previousElementSibling();
    boolean quoted =
        last != null
            && last.nameIs("blockquote")
            && attribution != null
            && attribution.nameIs("p")
            && attribution.text().strip().endsWith("wrote:");
    if (!quoted) {
      return body + signature;
    }
    attribution.before(signature);
    root.ownerDocument().outputSettings().prettyPrint(false);
    return root.html();
  }

  /** Placeholders filled with HTML-escaped values (a customer's name may hold markup). */
  private static String rendered(Optional<String> html, Placeholders.Values values) {
    return html.map(
            text ->
                Placeholders.render(
                    text, Placeholders.escaped(values, value -> Entities.escape(value))))
        .orElse("");
  }

  /** The sanitized HTML to store (null: remove), or 422 naming {@code html}. */
  private static String checked(String html) {
    if (html != null && html.length() > MAX_HTML) {
      throw FieldException.invalid("html", "At most " + MAX_HTML + " characters, please.");
    }
    Placeholders.check("html", html);
    String clean = SignatureHtml.sanitize(html);
    if (clean.length() > MAX_HTML) {
      throw FieldException.invalid(
          "html",
          "Too long once its line breaks are written as <br>: at most "
              + MAX_HTML
              + " characters, please.");
    }
    return clean.isEmpty() ? null : clean;
  }

  private static SignatureDto dto(Optional<SignatureRepository.Stored> stored) {
    return stored
        .map(row -> new SignatureDto(row.html(), SignatureHtml.toText(row.html()), row.updatedAt()))
        .orElse(new SignatureDto("", "", null));
  }

  private AgentsRecord agent(long id) {
    return agents
        .find(id)
        .orElseThrow(() -> new NotFoundException("There is no agent #" + id + "."));
  }

  private MailboxesRecord mailbox(long id) {
    return mailboxes
        .find(id)
        .orElseThrow(() -> new NotFoundException("There is no mailbox #" + id + "."));
  }
}
