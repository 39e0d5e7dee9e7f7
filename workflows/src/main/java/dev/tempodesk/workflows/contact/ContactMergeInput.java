package dev.tempodesk.workflows.contact;

/**
 * @param mergeId the merge (V49 {@code contact_merges}): which contact goes into which
 * @param afterNumber resume above this ticket number (0 at the start; set by continue-as-new)
 * @param pageSize tickets read and moved per activity
 * @param absorbed whether the contact-level move was done by an earlier run
 */
public record ContactMergeInput(long mergeId, long afterNumber, int pageSize, boolean absorbed) {
  public static final int PAGE_SIZE = 50;
  static final int PAGES_BEFORE_CONTINUE_AS_NEW = 40;

  public static ContactMergeInput of(long mergeId) {
    return new ContactMergeInput(mergeId, 0, PAGE_SIZE, false);
  }

  public ContactMergeInput withPageSize(int pageSize) {
    return new ContactMergeInput(mergeId, afterNumber, pageSize, absorbed);
  }

  ContactMergeInput resumingAfter(long number) {
    return new ContactMergeInput(mergeId, number, pageSize, true);
  }
}
