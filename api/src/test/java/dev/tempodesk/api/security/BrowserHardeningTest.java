package dev.tempodesk.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.config.TempodeskProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;

/** The session cookie's Secure flag: forced by an https PUBLIC_BASE_URL, else the request's. */
class BrowserHardeningTest {

  private static String sessionCookie(String publicBaseUrl, boolean secureRequest) {
    TempodeskProperties properties =
        new TempodeskProperties(
            null, null, null, false, publicBaseUrl, null, null, null, null, null);
    DefaultCookieSerializer serializer = new DefaultCookieSerializer();
    new BrowserHardening().secureSessionCookie(properties).customize(serializer);
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setSecure(secureRequest);
    MockHttpServletResponse response = new MockHttpServletResponse();
    serializer.writeCookieValue(new CookieValue(request, response, "session-id"));
    return response.getHeader("Set-Cookie");
  }

  @Test
  void shouldMarkTheSessionCookieSecureBehindAnHttpsBaseUrl() {
    assertThat(sessionCookie("https://help.example.com", false)).contains("; Secure");
    assertThat(sessionCookie("HTTPS://help.example.com", false)).contains("; Secure");
  }

  @Test
  void shouldLeaveThePlainHttpDemoAsTheRequestSays() {
    assertThat(sessionCookie("http://localhost:8080", false))
        .doesNotContain("Secure")
        .contains("SameSite=Lax");
    assertThat(sessionCookie("http://localhost:8080", true)).contains("; Secure");
  }
}
