package dev.tempodesk.workflows.bulk;

/**
 * @param actionId the bulk action (V36 {@code bulk_actions}); its tickets and change are stored
 * @param afterNumber resume above this ticket number (0 at the start; set by continue-as-new)
 * @param pageSize tickets read and changed per page
 * @param parallelism activities changing one page's tickets at the same time
 * @param pagesBeforeContinueAsNew keeps each run's history short
 */
public record BulkActionInput(
    long actionId, long afterNumber, int pageSize, int parallelism, int pagesBeforeContinueAsNew) {
  public static final int PAGE_SIZE = 200;
  public static final int PARALLELISM = 4;
  public static final int PAGES_BEFORE_CONTINUE_AS_NEW = 20;

  public static BulkActionInput of(long actionId) {
    return new BulkActionInput(actionId, 0, PAGE_SIZE, PARALLELISM, PAGES_BEFORE_CONTINUE_AS_NEW);
  }

  public BulkActionInput withPaging(int pageSize, int parallelism, int pagesBeforeCan) {
    return new BulkActionInput(actionId, afterNumber, pageSize, parallelism, pagesBeforeCan);
  }

  BulkActionInput resumingAfter(long number) {
    return new BulkActionInput(actionId, number, pageSize, parallelism, pagesBeforeContinueAsNew);
  }
}
