package dev.tempodesk.activities.nylas;

import dev.tempodesk.workflows.mail.HeaderText;

/**
 * One raw header line: name case as sent, value not decoded (RFC 2047 words stay encoded) but
 * unfolded, and without control characters ({@link HeaderText}), read or sent.
 */
public record MessageHeader(String name, String value) {
  public MessageHeader {
    name = HeaderText.clean(name);
    value = HeaderText.clean(value);
  }
}
