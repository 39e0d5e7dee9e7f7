package dev.tempodesk.workflows.assignment;

/** Running totals of the assigner, kept across continue-as-new. */
public record AssignerStatus(long passes, long assigned, long refused, long runs) {

  public static AssignerStatus empty() {
    return new AssignerStatus(0, 0, 0, 1);
  }

  AssignerStatus after(AssignmentPassResult pass) {
    return new AssignerStatus(
        passes + 1, assigned + pass.assigned(), refused + pass.refused(), runs);
  }

  AssignerStatus nextRun() {
    return new AssignerStatus(passes, assigned, refused, runs + 1);
  }
}
