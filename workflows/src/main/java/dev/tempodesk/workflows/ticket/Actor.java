package dev.tempodesk.workflows.ticket;

/** Who made a change: an agent, a customer contact, or Tempodesk itself. */
public record Actor(Kind kind, Long id, String name) {

  public enum Kind {
    AGENT,
    CONTACT,
    SYSTEM
  }

  public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, "Tempodesk");

  public static Actor agent(long id, String name) {
    return new Actor(Kind.AGENT, id, name);
  }

  public static Actor contact(long id, String name) {
    return new Actor(Kind.CONTACT, id, name);
  }
}
