package dev.tempodesk.activities.nylas;

/**
 * Text from the mail provider made storable. PostgreSQL cannot store NUL (U+0000) in text, and a
 * mail carrying one failed every sync pass that met it, so the mails after it on the page were
 * never ingested. NUL has no meaning in mail text; it is dropped where the text enters. (Header
 * text, such as the subject, names and addresses, is cleaned of it and of every other control
 * character by {@code HeaderText}.)
 */
final class Texts {
  private Texts() {}

  static String storable(String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }
}
