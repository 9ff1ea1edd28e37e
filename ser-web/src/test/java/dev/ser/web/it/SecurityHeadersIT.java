package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same protective headers on pages, API answers and errors of both; no answer names the
 * server's version or shows a stack trace; the session cookie made at sign-in is hardened.
 */
class SecurityHeadersIT {
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final Api api = new Api();

  /** One request of each kind the application answers, with what it should answer. */
  private Map<String, Api.Answer> answers() {
    Map<String, Api.Answer> answers = new LinkedHashMap<>();
    answers.put("home page", api.get("", null));
    answers.put("login page", api.get("login.xhtml", null));
    answers.put("missing page", api.get("no-such-page.xhtml", null));
    answers.put("API model card", api.get("api/v1/model", null));
    answers.put("API without token", api.get("api/v1/predictions", null));
    answers.put("API unknown path", api.get("api/v1/no-such-thing", null));
    answers.put("API unknown id", api.get("api/v1/predictions/" + UUID.randomUUID(), null));
    answers.put("API wrong media type", api.postRaw("text/plain", "hello".getBytes(), null));
    answers.put("missing media", api.get("media/samples/" + UUID.randomUUID(), null));
    answers.put("health", api.get("health", null));
    return answers;
  }

  @Test
  void pagesApiAnswersAndErrorsAllCarryTheSecurityHeaders() {
    answers()
        .forEach(
            (what, answer) -> {
              assertThat(answer.headers().firstValue("Content-Security-Policy"))
                  .as(what)
                  .hasValueSatisfying(
                      csp ->
                          assertThat(csp)
                              .contains("default-src 'self'")
                              .contains("script-src 'self';")
                              .contains("frame-ancestors 'none'")
                              .contains("object-src 'none'"));
              assertThat(answer.headers().allValues("X-Content-Type-Options"))
                  .as(what)
                  .containsExactly("nosniff");
              assertThat(answer.headers().allValues("X-Frame-Options"))
                  .as(what)
                  .containsExactly("DENY");
              assertThat(answer.headers().firstValue("Referrer-Policy"))
                  .as(what)
                  .contains("same-origin");
              assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                  .as("%s: no HSTS over plain HTTP", what)
                  .isEmpty();
            });
    assertThat(answers().get("API unknown path").status()).isEqualTo(404);
    assertThat(answers().get("missing page").status()).isEqualTo(404);
  }

  /**
   * A shared result's page and media carry the link's key in their address: even when the key opens
   * nothing, the answer sends no referrer, is not cached, not indexed, and keeps the other headers.
   */
  @Test
  void sharedResultAddressesSendNoReferrerAndAreNeitherCachedNorIndexed() {
    String key = "A".repeat(43);
    Map<String, Api.Answer> answers = new LinkedHashMap<>();
    answers.put("shared page", api.get("shared.xhtml?key=" + key, null));
    answers.put("shared page, malformed key", api.get("shared.xhtml?key=nope", null));
    answers.put("shared audio", api.get("media/shared/" + key + "/audio", null));
    answers.forEach(
        (what, answer) -> {
          assertThat(answer.status()).as(what).isEqualTo(404);
          assertThat(answer.headers().firstValue("Referrer-Policy"))
              .as(what)
              .contains("no-referrer");
          assertThat(answer.headers().firstValue("Cache-Control"))
              .as(what)
              .contains("private, no-store");
          assertThat(answer.headers().firstValue("X-Robots-Tag")).as(what).contains("noindex");
          assertThat(answer.headers().firstValue("Content-Security-Policy")).as(what).isPresent();
          assertThat(answer.body()).as(what).doesNotContainIgnoringCase("exception");
        });
  }

  @Test
  void noAnswerNamesTheServersVersionOrShowsAStackTrace() {
    Map<String, Api.Answer> answers = answers();
    answers.put(
        "OPTIONS on the API",
        api.send(
            api.request("api/v1/predictions")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())));

    answers.forEach(
        (what, answer) -> {
          assertThat(answer.headers().firstValue("X-Powered-By")).as(what).isEmpty();
          assertThat(answer.headers().firstValue("Server")).as(what).isEmpty();
          assertThat(answer.body())
              .as(what)
              .doesNotContainIgnoringCase("exception")
              .doesNotContain("\tat ")
              .doesNotContainIgnoringCase("jersey")
              .doesNotContainIgnoringCase("payara")
              .doesNotContainIgnoringCase("wadl");
        });
  }

  @Test
  void theSessionMadeAtSignInHasAHardenedCookieAndANewId() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> form =
        browser.send(
            api.request("login.xhtml").GET().build(), HttpResponse.BodyHandlers.ofString());
    String before = sessionId(form);
    Matcher viewState = VIEW_STATE.matcher(form.body());
    assertThat(viewState.find()).isTrue();

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("login", "login");
    fields.put("login:next", "");
    fields.put("login:username", "admin");
    fields.put("login:password", RunningApp.ADMIN_PASSWORD);
    fields.put("login:submit", "Log in");
    fields.put("jakarta.faces.ViewState", viewState.group(1).replace("&#58;", ":"));
    HttpResponse<String> signedIn =
        browser.send(
            api.request("login.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(signedIn.statusCode()).isEqualTo(302);
    String cookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no new session cookie at sign-in"));
    assertThat(cookie)
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .doesNotContain("Secure");
    assertThat(cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'))).isNotEqualTo(before);
  }

  private static String sessionId(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the login page made no session"));
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
