package dev.tempodesk.activities.nylas;

/** One raw header line: name case as sent, value not decoded (RFC 2047 words stay encoded). */
public record MessageHeader(String name, String value) {
  public MessageHeader {
    name = Texts.storable(name);
    value = Texts.storable(value);
  }
}
