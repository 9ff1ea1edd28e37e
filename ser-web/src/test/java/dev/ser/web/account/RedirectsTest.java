package dev.ser.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectsTest {
  @Test
  void localPathIsFollowed() {
    assertThat(Redirects.safeNext("/history.xhtml?page=2")).isEqualTo("/history.xhtml?page=2");
  }

  @Test
  void otherSitesAndSchemesGoHome() {
    assertThat(Redirects.safeNext("https://evil.example/")).isEqualTo("/index.xhtml");
    assertThat(Redirects.safeNext("//evil.example/")).isEqualTo("/index.xhtml");
    assertThat(Redirects.safeNext("/\\evil.example/")).isEqualTo("/index.xhtml");
    assertThat(Redirects.safeNext("javascript:alert(1)")).isEqualTo("/index.xhtml");
    assertThat(Redirects.safeNext(null)).isEqualTo("/index.xhtml");
  }

  @Test
  void headerInjectionGoesHome() {
    assertThat(Redirects.safeNext("/ok\r\nSet-Cookie: x=1")).isEqualTo("/index.xhtml");
  }
}
