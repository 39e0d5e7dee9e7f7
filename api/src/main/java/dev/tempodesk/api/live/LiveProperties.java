package dev.tempodesk.api.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live updates ({@code tempodesk.live.*}, README "Live updates").
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open and a
 *     closed client is noticed
 * @param streamLifetime how long one stream stays open; the browser then reconnects (with
 *     Last-Event-ID), which also re-checks the session
 * @param maxStreamsPerUser how many streams one person may hold open at once (tabs, devices)
 * @param retention how long events are kept for replay to a reconnecting stream
 * @param queueSize how many events may wait for one slow stream before it is closed (the client
 *     reconnects and replays)
 */
@ConfigurationProperties("tempodesk.live")
public record LiveProperties(
    Duration heartbeat,
    Duration streamLifetime,
    Integer maxStreamsPerUser,
    Duration retention,
    Integer queueSize) {

  public LiveProperties {
    heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
    streamLifetime = streamLifetime == null ? Duration.ofMinutes(30) : streamLifetime;
    maxStreamsPerUser = maxStreamsPerUser == null ? 8 : maxStreamsPerUser;
    retention = retention == null ? Duration.ofMinutes(10) : retention;
    queueSize = queueSize == null ? 1000 : queueSize;
  }
}
