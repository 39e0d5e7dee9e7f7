package dev.tempodesk.fakes.nylas;

/** The signed webhook test vector of the Nylas reference (§9 item 10), byte for byte. */
public final class NylasReferenceVector {
  public static final String SECRET = "whsec-test-0123456789";

  /** 629 bytes, a single line without trailing newline. */
  public static final String BODY =
      "{\"specversion\":\"1.0\",\"type\":\"message.created\",\"source\":\"/google/emails/realtime\","
          + "\"id\":\"evt-7f3a9c01\",\"time\":1735689700,\"webhook_delivery_attempt\":1,"
          + "\"data\":{\"application_id\":\"app-test-0001\",\"object\":{\"id\":\"msg-1001\","
          + "\"grant_id\":\"grant-abc-123\",\"object\":\"message\",\"thread_id\":\"thr-0055\","
          + "\"subject\":\"Re: Quote request\",\"from\":[{\"name\":\"Dana Client\","
          + "\"email\":\"dana@client.example\"}],\"to\":[{\"name\":\"Sam Agent\","
          + "\"email\":\"sam@ourco.example\"}],\"cc\":[],\"bcc\":[],\"reply_to\":[],"
          + "\"date\":1735689690,\"body\":\"<p>Sounds good, thanks.</p>\","
          + "\"snippet\":\"Sounds good, thanks.\",\"starred\":false,\"unread\":true,"
          + "\"folders\":[\"INBOX\",\"UNREAD\"],\"attachments\":[]}}}";

  public static final String SIGNATURE =
      "0858f6286f50b1bdce19590cb1ac3952c36f4b1a8c5bea8b18ff6efd98eaa749";

  private NylasReferenceVector() {}
}
