package dev.tempodesk.api.demo;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.signature.Signatures;
import dev.tempodesk.api.ticket.CreateTicketRequest;
import dev.tempodesk.api.ticket.TicketCommands;
import dev.tempodesk.api.ticket.TicketPatchRequest;
import dev.tempodesk.db.group.GroupRepository;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.AssetsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.OrganizationsRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Resolution;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the embedded mode: three agents, two customer organizations with assets, four
 * customers and ten tickets in varied states; Acme's under a business-hours SLA policy ({@link
 * DemoServiceLevels}). Written through the same commands the API uses, so the tickets have
 * workflows and audit trails. Before them, four weeks of closed tickets ({@link DemoHistory}) so
 * the statistics have figures. Only into an empty database.
 */
@Component
public class DemoData {
  public static final String DOMAIN = "tempodesk.demo";
  static final String AGENT_SIGNATURE =
      "Kind regards,\n<b>{{agent.name}}</b>\n<a href=\"mailto:{{agent.email}}\">{{agent.email}}</a>";
  static final String MAILBOX_FOOTER =
      "<i>Tempodesk Demo Support</i> · {{mailbox.email}} · Ticket #{{ticket.number}}";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final TempodeskProperties properties;
  private final AgentRepository agents;
  private final ContactRepository contacts;
  private final OrganizationRepository organizations;
  private final TicketCommands tickets;
  private final DemoHistory history;
  private final DemoServiceLevels serviceLevels;
  private final Signatures signatures;
  private final MailboxRepository mailboxes;
  private final DemoRouting routing;
  private final GroupRepository groups;
  private final CompletableFuture<Void> liveTickets = new CompletableFuture<>();

  public DemoData(
      TempodeskProperties properties,
      AgentRepository agents,
      ContactRepository contacts,
      OrganizationRepository organizations,
      TicketCommands tickets,
      DemoHistory history,
      DemoServiceLevels serviceLevels,
      Signatures signatures,
      MailboxRepository mailboxes,
      DemoRouting routing,
      GroupRepository groups) {
    this.properties = properties;
    this.routing = routing;
    this.agents = agents;
    this.contacts = contacts;
    this.organizations = organizations;
    this.tickets = tickets;
    this.history = history;
    this.serviceLevels = serviceLevels;
    this.signatures = signatures;
    this.mailboxes = mailboxes;
    this.groups = groups;
  }

  // Before StatsStartup (10): the stats workflow then resumes after the history's computed hours.
  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  public void seedIfEmpty() {
    if (!properties.demo() || agents.count() > 0) {
      liveTickets.complete(null);
      return;
    }
    Runnable seedTickets = seedPeople();
    // Ticket changes are workflow updates, which need a running worker; the Temporal starter
    // starts its workers on this same ApplicationReadyEvent, so they must not block it.
    Thread.ofVirtual()
        .name("demo-data")
        .start(
            () -> {
              try {
                seedTickets.run();
                log.info(
                    "Seeded demo data: 3 agents, 2 organizations, 8 customers, 10 open tickets (2"
                        + " waiting for an agent)");
                liveTickets.complete(null);
              } catch (RuntimeException e) {
                liveTickets.completeExceptionally(e);
                throw e;
              }
            });
  }

  /**
   * Done once this start's live demo tickets are all opened (they are opened in the background,
   * after the application is ready); done at once when nothing was seeded.
   */
  public CompletableFuture<Void> liveTickets() {
    return liveTickets;
  }

  /** Writes the people and returns the step that opens their tickets. */
  Runnable seedPeople() {
    // Capacities for auto-assignment: Ada administers and takes no tickets; Alice and Max end up
    // with three unfinished tickets each, so the demo opens with a waiting queue of two.
    AgentsRecord ada = agents.insert("ada@" + DOMAIN, "Ada Admin", "ADMIN", 0);
    AgentsRecord max = agents.insert("max@" + DOMAIN, "Max Manager", "MANAGER", 3);
    AgentsRecord alice = agents.insert("alice@" + DOMAIN, "Alice Agent", "AGENT", 3);
    // Skills: a ticket tagged vpn waits for Alice, one tagged billing for Max (issue 21).
    agents.setSkills(alice.getId(), new String[] {"vpn"});
    agents.setSkills(max.getId(), new String[] {"billing"});
    Actor admin = Actor.agent(ada.getId(), ada.getDisplayName());
    // Groups (issue 21): Support stays the default, where every agent already is.
    group(
        "First line",
        "Questions first answered here",
        Map.of(alice.getId(), false, max.getId(), false));
    long billing = group("Billing", "Invoices, refunds and VAT", Map.of(max.getId(), true));
    long network = group("Network", "Routers, VPNs and links", Map.of(alice.getId(), false));
    for (AgentsRecord agent : List.of(ada, max, alice)) {
      signatures.saveForAgent(agent.getId(), AGENT_SIGNATURE, ada.getId());
    }

    OrganizationsRecord acme = organizations.insert("Acme Networks", "acme.example");
    AssetsRecord router =
        organizations.insertAsset(
            acme.getId(), "Core router R1", "NETWORK", "Edge router, HQ rack 2");
    AssetsRecord vpn =
        organizations.insertAsset(
            acme.getId(), "Branch office VPN", "NETWORK", "IPsec tunnel HQ to Lyon");
    // Acme's tickets run on business hours: first response, next reply and resolution clocks.
    serviceLevels.seed(acme.getId(), LocalDate.now(DemoHistory.ZONE));
    OrganizationsRecord globex = organizations.insert("Globex Retail", "globex.example");
    AssetsRecord shop =
        organizations.insertAsset(globex.getId(), "Web shop", "PRODUCT", "shop.globex.example");
    AssetsRecord order =
        organizations.insertAsset(
            globex.getId(), "Order G-20417", "ORDER", "3 office chairs, delivered damaged");

    ContactsRecord carla =
        contacts.findOrCreate("carla@acme.example", "Carla Customer", acme.getId());
    ContactsRecord dan = contacts.findOrCreate("dan@acme.example", "Dan Devops", acme.getId());
    ContactsRecord gina =
        contacts.findOrCreate("gina@globex.example", "Gina Shopper", globex.getId());
    ContactsRecord hank =
        contacts.findOrCreate("hank@globex.example", "Hank Buyer", globex.getId());
    contacts.grantPortalAccess(carla.getId());
    contacts.grantPortalAccess(gina.getId());
    // The history's customers: not the two portal sign-ins, whose own lists stay short.
    List<ContactsRecord> historyCustomers =
        List.of(
            dan,
            hank,
            contacts.findOrCreate("olga@acme.example", "Olga Office", acme.getId()),
            contacts.findOrCreate("paul@acme.example", "Paul Payroll", acme.getId()),
            contacts.findOrCreate("rita@globex.example", "Rita Returns", globex.getId()),
            contacts.findOrCreate("sam@globex.example", "Sam Stores", globex.getId()));
    long started = System.nanoTime();
    int past = history.seed(new DemoHistory.Cast(List.of(alice, max), historyCustomers));
    log.info(
        "Seeded demo history in {} ms: {} closed tickets over the last {} days and their"
            + " hourly statistics",
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        past,
        DemoHistory.DAYS);
    return () -> {
      long[] moved =
          seedTickets(admin, alice, max, carla, dan, gina, hank, router, vpn, shop, order);
      change(admin, moved[0], "A network problem", p -> p.setGroupId(network));
      change(admin, moved[1], "Billing handles VAT questions", p -> p.setGroupId(billing));
      routing.seed();
      // The demo mailbox is registered by MailboxStartup on this same ready event: by now it is.
      for (MailboxesRecord mailbox : mailboxes.listAll()) {
        signatures.saveForMailbox(mailbox.getId(), MAILBOX_FOOTER, ada.getId());
      }
    };
  }

  /** Opens the live demo tickets; returns the VPN ticket's and the VAT question's numbers. */
  private long[] seedTickets(
      Actor admin,
      AgentsRecord alice,
      AgentsRecord max,
      ContactsRecord carla,
      ContactsRecord dan,
      ContactsRecord gina,
      ContactsRecord hank,
      AssetsRecord router,
      AssetsRecord vpn,
      AssetsRecord shop,
      AssetsRecord order) {

    long tunnel =
        open(
            admin,
            carla,
            vpn,
            Priority.HIGH,
            alice,
            "VPN tunnel to the branch office drops every hour",
            "Since Monday the tunnel to Lyon drops at :05 every hour for about two minutes.");
    long refund =
        open(
            admin,
            hank,
            order,
            Priority.NORMAL,
            alice,
            "Refund for damaged order G-20417",
            "Two of the three chairs arrived broken. Photos attached to my first mail.");
    change(
        admin,
        refund,
        "Waiting for the carrier's damage report",
        p -> {
          p.setStatus(TicketStatus.PENDING);
          p.setPendingReason(PendingReason.THIRD_PARTY);
          p.setPendingFor(Duration.ofDays(2));
        });
    long vat =
        open(
            admin,
            carla,
            null,
            Priority.LOW,
            max,
            "Invoice shows the wrong VAT number",
            "Invoice 2026-1183 has our old VAT number.");
    long checkout =
        open(
            admin,
            gina,
            shop,
            Priority.HIGH,
            alice,
            "Web shop checkout times out",
            "Customers get a timeout on the payment step since this morning.");
    change(
        admin,
        checkout,
        "Payment provider confirms an outage; all sales affected",
        p -> p.setPriority(Priority.URGENT));
    long admins =
        open(
            admin,
            dan,
            null,
            Priority.LOW,
            max,
            "Add a second admin account",
            "Please add our new colleague as an administrator.");
    change(
        admin,
        admins,
        "Asked Dan for the colleague's name and email",
        p -> {
          p.setStatus(TicketStatus.PENDING);
          p.setPendingReason(PendingReason.CUSTOMER);
          p.setPendingFor(Duration.ofDays(3));
        });
    long printer =
        open(
            admin,
            dan,
            null,
            Priority.NORMAL,
            alice,
            "Printer on the 3rd floor is offline",
            "The printer shows offline for everyone on the floor.");
    change(
        admin,
        printer,
        "Static IP set on the printer; proper DHCP fix scheduled",
        p -> {
          p.setStatus(TicketStatus.CLOSED);
          p.setResolution(Resolution.WORKAROUND);
        });
    long reset =
        open(
            admin,
            gina,
            null,
            Priority.NORMAL,
            max,
            "Password reset email not arriving",
            "I requested a reset three times, nothing in my inbox or spam.");
    change(
        admin,
        reset,
        "Mail was blocked by their spam gateway; allow-listed our sender",
        p -> p.setStatus(TicketStatus.CLOSED));
    long sla =
        open(
            admin,
            hank,
            null,
            Priority.LOW,
            max,
            "Question about the SLA terms",
            "Does the 4-hour response time also apply on weekends?");
    change(
        admin,
        sla,
        "Answered by phone; closing unless Hank has follow-up questions",
        p -> {
          p.setStatus(TicketStatus.PENDING);
          p.setPendingReason(PendingReason.CLOSE);
          p.setPendingFor(Duration.ofDays(5));
        });
    // Last, when Alice and Max are at capacity: these two wait in the assignment queue (URGENT
    // first) until someone frees a slot, is made available or gets more capacity.
    open(
        admin,
        dan,
        router,
        Priority.URGENT,
        null,
        "Core router R1 reboots after the firmware update",
        "R1 rebooted four times overnight after we applied 17.3.2.");
    open(
        admin,
        gina,
        null,
        Priority.NORMAL,
        null,
        "Cannot sign in to the customer portal",
        "The portal says my password is wrong, the reset mail never comes.");
    return new long[] {tunnel, vat};
  }

  private long group(String name, String description, Map<Long, Boolean> members) {
    long id = groups.insert(new GroupRepository.Fields(name, description, null, 600)).getId();
    groups.replaceMembers(id, members);
    return id;
  }

  private long open(
      Actor actor,
      ContactsRecord reporter,
      AssetsRecord asset,
      Priority priority,
      AgentsRecord assignee,
      String subject,
      String description) {
    return tickets
        .create(
            new CreateTicketRequest(
                subject,
                description,
                priority,
                Channel.EMAIL,
                reporter.getId(),
                null,
                null,
                null,
                asset == null ? null : asset.getId(),
                assignee == null ? null : assignee.getId()),
            actor)
        .number();
  }

  private void change(
      Actor actor, long number, String comment, Consumer<TicketPatchRequest> fields) {
    TicketPatchRequest patch = new TicketPatchRequest();
    patch.setComment(comment);
    fields.accept(patch);
    tickets.update(number, patch, actor);
  }
}
