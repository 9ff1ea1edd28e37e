package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the server answers to wrong turns: error pages, expired forms, private paths, headers. */
class ErrorPagesIT {
  private final Api api = new Api();

  @Test
  void unknownPageIsTheFriendly404() {
    Api.Answer answer = api.get("no-such-page.xhtml", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).contains("Nothing here").doesNotContain("Exception");
  }

  @Test
  void formPostedWithADeadViewGoesToTheExpiredPage() {
    Api.Answer answer =
        api.send(
            api.request("login.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "login=login&login%3Ausername=a&login%3Apassword=b&login%3Asubmit=x"
                            + "&jakarta.faces.ViewState=1%3A2")));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/expired.xhtml"));
  }

  @Test
  void signedInPagesRedirectAnonymousVisitorsToLogin() {
    Api.Answer answer = api.get("admin/samples.xhtml", null);

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).contains("/login.xhtml?next="));
  }

  @Test
  void templatesAndDescriptorsAreNeverServed() {
    Api.Answer descriptor = api.get("WEB-INF/web.xml", null);
    Api.Answer template = api.get("WEB-INF/templates/layout.xhtml", null);

    assertThat(descriptor.status()).isIn(403, 404);
    assertThat(descriptor.body()).doesNotContain("<web-app");
    assertThat(template.status()).isIn(403, 404);
    assertThat(template.body()).doesNotContain("ui:insert");
  }

  @Test
  void mediaOfAnUnknownRecordingIs404() {
    assertThat(api.get("media/recordings/" + UUID.randomUUID() + "/audio", null).status())
        .isEqualTo(404);
    assertThat(api.get("media/recordings/not-an-id/waveform.png", null).status()).isEqualTo(404);
    assertThat(api.get("media/samples/" + UUID.randomUUID(), null).status()).isEqualTo(404);
  }

  @Test
  void pagesCarrySecurityHeadersAndAHardenedSessionCookie() {
    Api.Answer home = api.get("", null);

    assertThat(home.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
    assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(home.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
  }
}
