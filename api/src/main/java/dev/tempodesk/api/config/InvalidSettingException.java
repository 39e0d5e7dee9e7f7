package dev.tempodesk.api.config;

/** A configuration variable that is present but unusable; the message names it. */
public class InvalidSettingException extends RuntimeException {
  private final String variable;

  public InvalidSettingException(String variable, String problem) {
    super(variable + " " + problem);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
