package dev.tempodesk.api.security;

import dev.tempodesk.api.config.TempodeskProperties;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * What every response tells the browser, and the cookies' Secure flag.
 *
 * <p>The Content-Security-Policy allows scripts only from our own files (the Vite build has no
 * inline script), styles inline as well because MUI's emotion injects {@code <style>} elements and
 * style attributes at run time, and images from {@code https:} too: the web app shows an email's
 * remote images once the reader clicks "Load remote images", so the sanitizer (webapp {@code
 * lib/sanitize.ts}) is the gate for images and the policy the backstop for everything else (no
 * remote script, style, font, frame, object or fetch). Plain-http images stay out; the web app asks
 * for them over https. The referrer is never sent, so a loaded image or a followed link does not
 * tell the sender which ticket it was read in, and DNS prefetching of the links in a mail (which
 * would tell the sender's name server the mail was opened) is off.
 */
@Configuration
class BrowserHardening {
  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data: blob: https:",
          "object-src 'none'",
          "frame-ancestors 'none'",
          "base-uri 'self'",
          "form-action 'self'");

  static void headers(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        .addHeaderWriter(new StaticHeadersWriter("X-DNS-Prefetch-Control", "off"));
    // X-Content-Type-Options: nosniff and X-Frame-Options: DENY are Spring Security's defaults.
  }

  /**
   * Behind a TLS-terminating proxy the request looks like plain http, so the cookies' Secure flag
   * follows PUBLIC_BASE_URL; without an https base URL it stays as the request says.
   */
  static boolean httpsOnly(TempodeskProperties properties) {
    return properties.publicBaseUrl().regionMatches(true, 0, "https://", 0, 8);
  }

  /** The session cookie (Spring Session's SESSION; SameSite stays Spring Session's Lax). */
  @Bean
  DefaultCookieSerializerCustomizer secureSessionCookie(TempodeskProperties properties) {
    return serializer -> {
      if (httpsOnly(properties)) {
        serializer.setUseSecureCookie(true);
      }
    };
  }
}
