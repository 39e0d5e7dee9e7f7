package dev.tempodesk.api.live;

import com.zaxxer.hikari.HikariConfig;
import dev.tempodesk.api.assist.AssistTriggers;
import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.db.live.LiveEventRepository;
import java.sql.DriverManager;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/** This replica's streams and the one listening connection that feeds them. */
@Configuration
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfig {

  @Bean
  LiveStreams liveStreams(
      LiveEventRepository events, LiveProperties settings, VisibleTickets visible) {
    return new LiveStreams(events, settings, visible::access);
  }

  /**
   * Closing starts with this event, before the web server's graceful shutdown waits for requests.
   */
  @Bean
  ApplicationListener<ContextClosedEvent> closeLiveStreams(LiveStreams streams) {
    return event -> streams.closeAll();
  }

  @Bean
  LiveEventListener liveEventListener(
      DataSource dataSource,
      LiveEventRepository events,
      LiveStreams streams,
      LiveProperties settings,
      Clock clock,
      AssistTriggers assist) {
    return new LiveEventListener(
        connector(dataSource), events, streams.andThen(assist), settings.retention(), clock);
  }

  /**
   * A connection of its own, made with the pool's settings but outside it: a LISTEN holds its
   * connection for as long as the app runs, which the pool would count as a leak.
   */
  static LiveEventListener.Connector connector(DataSource dataSource) {
    if (dataSource instanceof HikariConfig pool && pool.getJdbcUrl() != null) {
      return () ->
          DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }
    return dataSource::getConnection;
  }
}
