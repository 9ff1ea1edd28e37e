package dev.ser.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossSiteApiFilterTest {
  private static final String HOST = "ser.example.org";

  @Test
  void fetchMetadataFromAnotherSiteOrSiblingSubdomainIsCrossSite() {
    assertThat(CrossSiteApiFilter.isCrossSite("cross-site", null, HOST)).isTrue();
    assertThat(CrossSiteApiFilter.isCrossSite("same-site", null, HOST)).isTrue();
    assertThat(CrossSiteApiFilter.isCrossSite("Cross-Site", "https://" + HOST, HOST)).isTrue();
  }

  @Test
  void fetchMetadataOfOurOwnPagesOrTypedAddressIsNot() {
    assertThat(CrossSiteApiFilter.isCrossSite("same-origin", "https://evil.example", HOST))
        .isFalse();
    assertThat(CrossSiteApiFilter.isCrossSite("none", null, HOST)).isFalse();
  }

  @Test
  void withoutFetchMetadataTheOriginMustNameThisHost() {
    assertThat(CrossSiteApiFilter.isCrossSite(null, "https://ser.example.org", HOST)).isFalse();
    assertThat(CrossSiteApiFilter.isCrossSite(null, "http://127.0.0.1:8080", "127.0.0.1:8080"))
        .isFalse();
    assertThat(CrossSiteApiFilter.isCrossSite(null, "http://127.0.0.1:9090", "127.0.0.1:8080"))
        .isTrue();
    assertThat(CrossSiteApiFilter.isCrossSite(null, "https://evil.example", HOST)).isTrue();
    assertThat(CrossSiteApiFilter.isCrossSite(null, "https://ser.example.org.evil.example", HOST))
        .isTrue();
  }

  @Test
  void opaqueOrMalformedOriginIsCrossSite() {
    assertThat(CrossSiteApiFilter.isCrossSite(null, "null", HOST)).isTrue();
    assertThat(CrossSiteApiFilter.isCrossSite(null, "not a url", HOST)).isTrue();
  }

  @Test
  void aClientThatSendsNeitherHeaderIsNoBrowserPageAndPasses() {
    assertThat(CrossSiteApiFilter.isCrossSite(null, null, HOST)).isFalse();
  }
}
