package dev.tempodesk.api.config;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Provider message ids are opaque and Microsoft's may hold {@code /} (nylas-v3.md, transport
 * conventions), so an id in a path segment arrives as {@code %2F}. Tomcat and Spring Security
 * refuse such paths by default. Here Tomcat accepts them and the firewall lets {@code %2F} through;
 * Spring MVC and Spring Security match on the request URI as sent, where {@code %2F} stays inside
 * its segment, and the path variable is decoded. Everything else the strict firewall refuses stays
 * refused.
 */
@Configuration
class EncodedSlashes {

  @Bean
  TomcatConnectorCustomizer encodedSlashesStayEncoded() {
    return connector -> connector.setEncodedSolidusHandling("decode");
  }

  @Bean
  HttpFirewall httpFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowUrlEncodedSlash(true);
    return firewall;
  }
}
