package dev.tempodesk.workflows.sla;

/**
 * @param selection which live tickets to signal
 * @param afterNumber resume above this ticket number (0 at the start; set by continue-as-new)
 * @param progress the counts so far (carried over continue-as-new)
 * @param pageSize tickets read and signalled per page
 * @param parallelism activities signalling one page's tickets at the same time
 * @param pagesBeforeContinueAsNew keeps each run's history short
 */
public record RecalculationInput(
    TicketSelection selection,
    long afterNumber,
    RecalculationProgress progress,
    int pageSize,
    int parallelism,
    int pagesBeforeContinueAsNew) {
  public static final int PAGE_SIZE = 500;
  public static final int PARALLELISM = 4;
  public static final int PAGES_BEFORE_CONTINUE_AS_NEW = 20;

  public static RecalculationInput of(TicketSelection selection, String reason) {
    return new RecalculationInput(
        selection,
        0,
        RecalculationProgress.start(reason),
        PAGE_SIZE,
        PARALLELISM,
        PAGES_BEFORE_CONTINUE_AS_NEW);
  }

  public RecalculationInput withPaging(int pageSize, int parallelism, int pagesBeforeCan) {
    return new RecalculationInput(
        selection, afterNumber, progress, pageSize, parallelism, pagesBeforeCan);
  }

  RecalculationInput resumingAfter(long number, RecalculationProgress soFar) {
    return new RecalculationInput(
        selection, number, soFar, pageSize, parallelism, pagesBeforeContinueAsNew);
  }
}
