package dev.tempodesk.api.security;

/**
 * What a signed-in person may do. Agents carry ADMIN, MANAGER or AGENT; portal contacts CUSTOMER.
 */
public enum Role {
  ADMIN,
  MANAGER,
  AGENT,
  CUSTOMER;

  /** The roles of employees, who work tickets. */
  static final String[] STAFF = {ADMIN.name(), MANAGER.name(), AGENT.name()};

  /** The roles that manage people and see statistics. */
  static final String[] MANAGEMENT = {ADMIN.name(), MANAGER.name()};

  public boolean isStaff() {
    return this != CUSTOMER;
  }
}
