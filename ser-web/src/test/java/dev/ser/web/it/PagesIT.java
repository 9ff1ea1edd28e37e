package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the browser, in headless Chromium against the real app. */
class PagesIT {
  private static final String PASSWORD = "correct horse battery";

  static final Path WAV = Path.of("src/test/resources/audio/speech_16k.wav");
  static final Path MP3 = Path.of("src/test/resources/audio/speech_16k.mp3");
  static final String HEADLINE =
      "This sounds (angry|disgusted|afraid|happy|neutral|sad)\\."
          + "|Possibly (angry|disgusted|afraid|happy|neutral|sad), unsure: [1-4]?\\d %";

  @Test
  void uploadingAWavShowsTheResultWithBarsPicturesAndPlayer() {
    try (Browser browser = Browser.open()) {
      browser.go("");
      assertThat(browser.find("#anonymous-retention").getText()).contains("deleted after 24 hours");
      browser.screenshot("home");
      browser.choose("upload:file", WAV);
      long started = System.nanoTime();
      browser.click("upload:analyse");

      assertThat(browser.await("#emotion").getText()).matches(HEADLINE);
      System.out.printf(
          "upload-to-result (5 s WAV, browser): %d ms%n",
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      assertThat(browser.currentPath()).isEqualTo("/result.xhtml");
      assertThat(browser.all("#probabilities li")).hasSize(6);
      assertThat(browser.all("#segments li"))
          .as("the speech segments as text")
          .isNotEmpty()
          .allSatisfy(
              row -> assertThat(row.getText()).matches("\\d+:\\d\\d–\\d+:\\d\\d \\w+, \\d{1,3} %"));
      assertThat(browser.find("#confidence").getText()).matches("(?s)\\d{1,3}\\s?% sure\\..*");
      assertThat(browser.find(".face").getAttribute("class")).startsWith("face face-");
      new WebDriverWait(browser.driver, Duration.ofSeconds(30))
          .until(d -> browser.imageLoaded("#waveform") && browser.imageLoaded("#spectrogram"));
      assertThat(browser.find("#player").getAttribute("src")).contains("/media/recordings/");
      String id = resultId(browser);
      assertThat(browser.find("#download-json").getAttribute("href"))
          .endsWith("/api/v1/predictions/" + id + "?format=json&download=1");
      String csvLink = browser.find("#download-csv").getAttribute("href");
      assertThat(csvLink).endsWith("/api/v1/predictions/" + id + "?format=csv&download=1");
      Browser.Fetched csv = browser.fetch(csvLink);
      assertThat(csv.status()).as("the visitor's session reads its own result").isEqualTo(200);
      assertThat(csv.contentType()).startsWith("text/csv");
      assertThat(csv.contentDisposition()).isEqualTo("attachment; filename=\"ser-" + id + ".csv\"");
      assertThat(csv.body()).startsWith("id,created_at,source,filename,").contains(",clip,");
      browser.screenshot("result-wav");
      browser.scrollTo("#waveform");
      browser.screenshot("result-pictures");

      browser.resize(390, 844);
      browser.screenshot("result-phone");
    }
  }

  @Test
  void uploadingAnMp3ShowsAResult() {
    try (Browser browser = Browser.open()) {
      browser.go("");
      browser.choose("upload:file", MP3);
      browser.click("upload:analyse");

      assertThat(browser.await("#emotion").getText()).matches(HEADLINE);
      browser.screenshot("result-mp3");
    }
  }

  @Test
  void uploadingSomethingThatIsNotAudioSaysSoOnTheSamePage() throws java.io.IOException {
    Path notAudio = java.nio.file.Files.createTempFile("notes", ".wav");
    java.nio.file.Files.writeString(notAudio, "these are meeting notes, not a recording");
    try (Browser browser = Browser.open()) {
      browser.go("");
      browser.choose("upload:file", notAudio);
      browser.click("upload:analyse");

      assertThat(browser.await("#messages .error").getText()).contains("not audio we can read");
      assertThat(browser.currentPath()).isIn("/", "/index.xhtml");
      browser.screenshot("upload-error");
    }
  }

  @Test
  void aFileOverTheLimitIsRefusedInThePageAndByTheServerWithoutAnError()
      throws java.io.IOException {
    Path big = java.nio.file.Files.createTempFile("long-call", ".wav");
    try (var out = java.nio.file.Files.newOutputStream(big)) {
      out.write(java.util.Arrays.copyOf(Api.resource("speech_16k.wav"), 44));
      out.write(new byte[(int) RunningApp.UPLOAD_LIMIT_BYTES + 1_000_000]);
    }
    try (Browser browser = Browser.open()) {
      browser.go("");
      browser.choose("upload:file", big);
      browser.click("upload:analyse");

      assertThat(browser.await("[id='upload:file-too-large']").getText())
          .as("refused in the page before anything is sent")
          .contains("the limit is 25 MB");
      assertThat(browser.find("[id='upload:file-too-large']").getAttribute("role"))
          .isEqualTo("alert");
      assertThat(browser.find("[id='upload:file']").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(browser.currentPath()).isIn("/", "/index.xhtml");
      browser.screenshot("upload-too-large-inline");

      // Without the page's check (a script that posts the form itself), the server answers 413.
      ((org.openqa.selenium.JavascriptExecutor) browser.driver)
          .executeScript("document.getElementById('upload').submit()");
      assertThat(browser.await("#error-413").getText()).contains("larger than the limit");
      browser.screenshot("upload-too-large");
    } finally {
      java.nio.file.Files.delete(big);
    }
  }

  @Test
  void aStereoCallWithSeparateChannelsShowsEachChannelsSpeech() throws java.io.IOException {
    try (Browser browser = Browser.open()) {
      uploadStereoCall(browser, true);

      browser.await("#channels-title");
      List<String> headings =
          browser.driver.findElements(org.openqa.selenium.By.cssSelector(".channel h3")).stream()
              .map(org.openqa.selenium.WebElement::getText)
              .toList();
      assertThat(headings).hasSize(2);
      assertThat(headings.get(0)).startsWith("Channel 1 (left):");
      assertThat(headings.get(1)).startsWith("Channel 2 (right):");
      assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector(".channel li")))
          .hasSizeGreaterThanOrEqualTo(2);
      browser.screenshot("result-channels");
    }
  }

  /**
   * The timeline is drawn on the recording's time axis: its bands (runs of one emotion) fill the
   * width once, say their time as the player shows it, and play from where they start; so do the
   * speech stretches.
   */
  @Test
  void timelineBandsSitOnTheTimeAxisAndPlayFromTheirStart() throws java.io.IOException {
    try (Browser browser = Browser.open()) {
      uploadStereoCall(browser, false);

      browser.await("#timeline");
      List<org.openqa.selenium.WebElement> bands =
          browser.driver.findElements(By.cssSelector(".timeline-cell"));
      assertThat(bands).isNotEmpty();
      assertThat(bands)
          .extracting(band -> band.getAttribute("title"))
          .allMatch(
              t -> t.matches("\\d+:\\d\\d–\\d+:\\d\\d: [a-z]+, \\d+ %"), "m:ss–m:ss: emotion, N %");
      double width = 0;
      String previous = "";
      for (org.openqa.selenium.WebElement band : bands) {
        width += Double.parseDouble(band.getCssValue("width").replace("px", ""));
        String emotion = band.getAttribute("class").replaceAll(".*fill-([a-z]+).*", "$1");
        assertThat(emotion).as("neighbouring bands differ").isNotEqualTo(previous);
        previous = emotion;
      }
      double timeline =
          Double.parseDouble(browser.find("#timeline").getCssValue("width").replace("px", ""));
      assertThat(width).as("the bands fill the timeline once").isCloseTo(timeline - 2, within(3.0));
      List<String> ticks =
          browser.all(".timeline-axis span").stream().map(t -> t.getText()).toList();
      assertThat(ticks).hasSize(5).startsWith("0:00").endsWith("0:10");

      var stretch = browser.find("#segments button.seek");
      stretch.click();
      double at =
          ((Number)
                  ((JavascriptExecutor) browser.driver)
                      .executeScript("return document.getElementById('player').currentTime"))
              .doubleValue();
      assertThat(at).isCloseTo(Double.parseDouble(stretch.getAttribute("data-start")), within(0.3));

      browser.scrollTo("#waveform");
      browser.find("#waveform").click();
      new WebDriverWait(browser.driver, Duration.ofSeconds(10))
          .until(d -> d.findElement(By.cssSelector("#timeline .playhead")).isDisplayed());
      double seconds =
          ((Number)
                  ((JavascriptExecutor) browser.driver)
                      .executeScript("return document.getElementById('player').currentTime"))
              .doubleValue();
      assertThat(seconds)
          .as("a click in the middle of the waveform seeks to about half")
          .isBetween(4.0, 7.0);
      assertThat(browser.all(".picture .playhead"))
          .allMatch(org.openqa.selenium.WebElement::isDisplayed);
    }
  }

  /** The {@code id} parameter of the result page's address. */
  private static String resultId(Browser browser) {
    String query = java.net.URI.create(browser.driver.getCurrentUrl()).getQuery();
    return java.util.Arrays.stream(query.split("&"))
        .filter(pair -> pair.startsWith("id="))
        .map(pair -> pair.substring(3))
        .findFirst()
        .orElseThrow();
  }

  /** Uploads {@link Api#stereoCall} (10.9 s) from the home page, its channels apart or mixed. */
  private static void uploadStereoCall(Browser browser, boolean separate)
      throws java.io.IOException {
    Path call = java.nio.file.Files.createTempFile("call", ".wav");
    try {
      java.nio.file.Files.write(call, Api.stereoCall(6));
      browser.go("");
      browser.choose("upload:file", call);
      if (separate) {
        browser.click("upload:separate");
      }
      browser.click("upload:analyse");
      browser.await("#emotion");
    } finally {
      java.nio.file.Files.delete(call);
    }
  }

  @Test
  void theApiPageShowsEveryOperationFromTheServersOwnOpenApiDocument() {
    try (Browser browser = Browser.open()) {
      browser.go("");
      browser.driver.findElement(By.linkText("API")).click();

      new WebDriverWait(browser.driver, Duration.ofSeconds(30))
          // Seven: POST (either body), GET and DELETE of predictions, POST and GET of jobs, the
          // model.
          .until(driver -> driver.findElements(By.cssSelector(".opblock")).size() >= 7);
      String page = browser.driver.findElement(By.id("swagger-ui")).getText();
      assertThat(page).contains("/api/v1/predictions").contains("/api/v1/jobs/{id}");
      browser.screenshot("api");
    }
  }

  @Test
  void aSystemInDarkModeGetsDarkPagesWithLightText() {
    try (Browser browser = Browser.inDarkMode()) {
      browser.go("");
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;

      Object paper =
          js.executeScript("return getComputedStyle(document.documentElement).backgroundColor");
      Object ink = js.executeScript("return getComputedStyle(document.body).color");

      assertThat(paper).isEqualTo("rgb(15, 19, 32)");
      assertThat(ink).isEqualTo("rgb(230, 233, 242)");
      browser.screenshot("home-dark");
    }
  }

  @Test
  void anEmptyFileIsCalledEmptyNotMissing() throws java.io.IOException {
    Path empty = java.nio.file.Files.createTempFile("empty", ".wav");
    try (Browser browser = Browser.open()) {
      browser.go("");
      browser.choose("upload:file", empty);
      browser.click("upload:analyse");

      assertThat(browser.await("[id='upload:file-too-large']").getText())
          .contains("The file is empty (0 bytes)");
      assertThat(browser.currentPath()).isIn("/", "/index.xhtml");
    } finally {
      java.nio.file.Files.delete(empty);
    }
  }

  @Test
  void uploadingAToneSaysThereIsNoSpeechOnTheSamePage() {
    try (Browser browser = Browser.open()) {
      browser.go("");
      browser.choose("upload:file", Path.of("src/test/resources/audio/sine_440hz_1s.wav"));
      browser.click("upload:analyse");

      assertThat(browser.await("#messages .error").getText()).contains("No speech found");
      assertThat(browser.currentPath()).isIn("/", "/index.xhtml");
      browser.screenshot("upload-no-speech");
    }
  }

  @Test
  void recordingThroughTheMicrophoneShowsAResult() throws InterruptedException {
    try (Browser browser = Browser.withFakeMicrophone(WAV)) {
      browser.go("");
      browser.click("record-start");
      new WebDriverWait(browser.driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.elementToBeClickable(By.id("record-stop")));
      Thread.sleep(3_000);
      browser.screenshot("recording");
      browser.click("record-stop");

      assertThat(browser.await("#emotion").getText()).matches(HEADLINE);
      assertThat(browser.find(".meta").getText()).contains("record");
    }
  }

  /**
   * Live mode streams the fake microphone over the WebSocket: the strip fills a bar a second and
   * the current emotion shows while it runs; a signed-in user's stream is kept and opens its result
   * page.
   */
  @Test
  void liveModeShowsTheEmotionWhileSpeakingAndKeepsASignedInUsersStream() {
    String username = "live-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.withFakeMicrophone(WAV)) {
      browser.register(username, PASSWORD);
      browser.go("");
      browser.click("record-live");
      browser.click("record-start");
      WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
      wait.until(d -> d.findElements(By.cssSelector("#live-strip .live-bar")).size() >= 4);
      assertThat(
              browser.find("#live-strip").findElements(By.cssSelector(".live-bar[class*=fill-]")))
          .as("speech seconds are coloured by their emotion")
          .isNotEmpty();
      assertThat(browser.find("#live-now").getText())
          .isIn("anger", "disgust", "fear", "happy", "neutral", "sad", "nobody speaking");
      browser.screenshot("live");
      browser.click("record-stop");

      assertThat(browser.await("#emotion").getText()).matches(HEADLINE);
      assertThat(browser.find(".meta").getText()).contains("live");
    }
    assertThat(
            new Api()
                .count(
                    "SELECT count(*) FROM recordings r JOIN users u ON u.id = r.owner_id"
                        + " WHERE u.username = ? AND r.source = 'LIVE'",
                    username))
        .isEqualTo(1);
  }

  @Test
  void anAnonymousLiveStreamEndsWithItsResultOnThePage() {
    try (Browser browser = Browser.withFakeMicrophone(WAV)) {
      browser.go("");
      browser.click("record-live");
      browser.click("record-start");
      new WebDriverWait(browser.driver, Duration.ofSeconds(20))
          .until(d -> d.findElements(By.cssSelector("#live-strip .live-bar")).size() >= 3);
      browser.click("record-stop");

      assertThat(browser.await("#live-final").getText()).startsWith("Overall: ").contains(" sure");
      assertThat(browser.find("#record-error").isDisplayed()).isFalse();
    }
  }

  /**
   * On a slow line (Chromium throttled to 4 Mbit/s up) the upload shows its percentage, then
   * "Analysing…", and ends on the result page as an unthrottled upload does.
   */
  @Test
  void anUploadShowsItsProgressThenTheResult() throws Exception {
    Path call = Files.createTempFile("call-", ".wav");
    try (Browser browser = Browser.open()) {
      Files.write(call, Api.wav(16_000, 1, repeated(Api.speechPcm(), 12)));
      ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
      slow.setUploadThroughput(4_000_000 / 8);
      slow.setDownloadThroughput(50_000_000 / 8);
      ((HasNetworkConditions) browser.driver).setNetworkConditions(slow);
      browser.go("");
      browser.choose("upload:file", call);
      assertThat(browser.find("#drop-text").getText()).isEqualTo("Chosen: " + call.getFileName());
      browser.click("upload:analyse");

      String seen =
          new WebDriverWait(browser.driver, Duration.ofSeconds(20))
              .until(
                  d -> {
                    String text = d.findElement(By.id("upload-status")).getText();
                    return text.matches("Uploading ([1-9]|[1-9][0-9]) %") ? text : null;
                  });
      assertThat(seen).startsWith("Uploading ");
      assertThat(browser.await("#emotion").getText()).matches(HEADLINE);
      assertThat(browser.find("#filename").getText()).isEqualTo(call.getFileName().toString());
    } finally {
      Files.delete(call);
    }
  }

  /** A file dropped on the upload box is the one analysed (here a tone: refused as no speech). */
  @Test
  void aFileDroppedOnTheBoxIsTheOneAnalysed() {
    try (Browser browser = Browser.open()) {
      browser.go("");
      ((JavascriptExecutor) browser.driver)
          .executeScript(
              "var rate = 16000, n = rate, pcm = new Int16Array(n);"
                  + "for (var i = 0; i < n; i++) pcm[i] = 12000 * Math.sin(2 * Math.PI * 440 * i / rate);"
                  + "var head = new DataView(new ArrayBuffer(44)), s = function (o, t) {"
                  + "  for (var k = 0; k < 4; k++) head.setUint8(o + k, t.charCodeAt(k)); };"
                  + "s(0, 'RIFF'); head.setUint32(4, 36 + 2 * n, true); s(8, 'WAVE'); s(12, 'fmt ');"
                  + "head.setUint32(16, 16, true); head.setUint16(20, 1, true);"
                  + "head.setUint16(22, 1, true); head.setUint32(24, rate, true);"
                  + "head.setUint32(28, 2 * rate, true); head.setUint16(32, 2, true);"
                  + "head.setUint16(34, 16, true); s(36, 'data'); head.setUint32(40, 2 * n, true);"
                  + "var file = new File([head.buffer, pcm.buffer], 'dropped-tone.wav',"
                  + "  {type: 'audio/wav'});"
                  + "var transfer = new DataTransfer(); transfer.items.add(file);"
                  + "var box = document.getElementById('drop');"
                  + "box.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer,"
                  + "  bubbles: true, cancelable: true}));"
                  + "box.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer,"
                  + "  bubbles: true, cancelable: true}));");
      assertThat(browser.find("#drop-text").getText()).isEqualTo("Chosen: dropped-tone.wav");
      browser.click("upload:analyse");

      assertThat(browser.await("#messages .error").getText()).containsIgnoringCase("speech");
    }
  }

  /**
   * A long history is paged, 25 rows at a time, newest first, and its times are shown in the
   * reader's time zone (UTC in the test browser: the text changes form, the UTC stays on hover).
   */
  @Test
  void aLongHistoryIsPagedAndShowsLocalTimes() {
    String username = "pages-" + UUID.randomUUID().toString().substring(0, 8);
    Api api = new Api();
    try (Browser browser = Browser.open()) {
      browser.register(username, PASSWORD);
      String token = api.tokenFor(username);
      for (int i = 0; i < 26; i++) {
        assertThat(
                api.postMultipart(
                        "clip-" + i + ".wav", "audio/wav", Api.resource("speech_16k.wav"), token)
                    .status())
            .isEqualTo(201);
      }

      browser.go("history.xhtml");
      assertThat(browser.all(".history-row")).hasSize(25);
      assertThat(browser.find("#page-of").getText()).isEqualTo("Page 1 of 2 (26 analyses)");
      assertThat(browser.find(".history-row").getText()).contains("clip-25.wav");
      var time = browser.find(".history-row time.local-time");
      assertThat(time.getAttribute("datetime"))
          .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
      assertThat(time.getAttribute("title")).endsWith("UTC");
      assertThat(time.getText()).doesNotContain("UTC").isNotBlank();

      browser.click("older");
      assertThat(browser.await("#page-of").getText()).isEqualTo("Page 2 of 2 (26 analyses)");
      assertThat(browser.all(".history-row")).hasSize(1);
      assertThat(browser.find(".history-row").getText()).contains("clip-0.wav");
      browser.click("newer");
      assertThat(browser.await("#page-of").getText()).startsWith("Page 1 of 2");

      browser.type("#q", "clip-2");
      browser.submit(browser.find("#search button"));
      assertThat(browser.await("#search-count").getText()).isEqualTo("7 analyses match “clip-2”.");
      assertThat(browser.all(".history-row"))
          .hasSize(7)
          .allMatch(row -> row.getText().contains("clip-2"));
      assertThat(browser.all("#pager")).as("one page of results").isEmpty();
      browser.type("#q", "no such file");
      browser.submit(browser.find("#search button"));
      assertThat(browser.await("#search-count").getText()).startsWith("0 analyses match");
      assertThat(browser.all(".history-row")).isEmpty();
      browser.click("search-clear");
      assertThat(browser.await("#page-of").getText()).isEqualTo("Page 1 of 2 (26 analyses)");
    }
  }

  @Test
  void anotherVisitorCannotOpenAResultOrItsAudio() {
    String resultPath;
    try (Browser owner = Browser.open()) {
      owner.go("");
      owner.choose("upload:file", WAV);
      owner.click("upload:analyse");
      owner.await("#emotion");
      resultPath = owner.driver.getCurrentUrl();
    }
    try (Browser stranger = Browser.open()) {
      stranger.driver.get(resultPath);
      assertThat(stranger.await("#error-404").getText()).contains("Nothing here");
    }
  }

  @Test
  void anonymousAnalysesJoinTheHistoryOfTheAccountRegisteredInTheSameBrowser() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    Api api = new Api();
    try (Browser browser = Browser.open()) {
      String first = analyseAnonymously(browser, WAV);
      assertThat(browser.find("#anonymous-note").getText())
          .isEqualTo(
              "Without an account, only this browser can open this analysis, and it is deleted"
                  + " with its audio after 24 hours. Sign up or log in now to keep it in your"
                  + " history.");
      browser.screenshot("result-anonymous");
      String second = analyseAnonymously(browser, MP3);

      browser.submitRegistration(username, PASSWORD);

      assertThat(browser.await("#messages .info").getText())
          .isEqualTo("Your 2 analyses from before you signed in are now in your history.");
      assertThat(browser.currentPath()).isEqualTo("/history.xhtml");
      assertThat(browser.all(".history-row"))
          .extracting(row -> row.getAttribute("data-id"))
          .containsExactlyInAnyOrder(first, second);
      browser.screenshot("history-claimed");
      assertThat(recordingsOwnedBy(username, first, second)).isEqualTo(2);
      assertThat(
              api.count(
                  "SELECT count(*) FROM audit_log WHERE action = 'recording.claim'"
                      + " AND actor_name = ? AND detail LIKE '2 %'",
                  username))
          .isEqualTo(1);
      browser.go("result.xhtml?id=" + first);
      browser.await("#emotion");
      assertThat(browser.all("#anonymous-note")).as("kept now").isEmpty();
    }
  }

  @Test
  void anAnonymousAnalysisJoinsTheHistoryOfTheAccountLoggedInToFromItsResultPage() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser elsewhere = Browser.open()) {
      elsewhere.register(username, PASSWORD);
    }
    try (Browser browser = Browser.open()) {
      String id = analyseAnonymously(browser, WAV);

      browser.find("#anonymous-login").click();
      browser.await("#login\\:username");
      browser.type("#login\\:username", username);
      browser.type("#login\\:password", PASSWORD);
      browser.click("login:submit");

      assertThat(browser.await("#messages .info").getText())
          .isEqualTo("Your analysis from before you signed in is now in your history.");
      assertThat(browser.currentPath()).as("back on the result").isEqualTo("/result.xhtml");
      assertThat(resultId(browser)).isEqualTo(id);
      assertThat(browser.all("#anonymous-note")).isEmpty();
      assertThat(recordingsOwnedBy(username, id)).isEqualTo(1);
      browser.go("history.xhtml");
      assertThat(browser.await(".history-row").getAttribute("data-id")).isEqualTo(id);
      assertThat(browser.all(".history-row")).hasSize(1);
    }
  }

  @Test
  void anotherSessionThatRegistersDoesNotGetAVisitorsAnalysis() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    Api api = new Api();
    try (Browser visitor = Browser.open();
        Browser stranger = Browser.open()) {
      String id = analyseAnonymously(visitor, WAV);
      stranger.driver.get(visitor.driver.getCurrentUrl());
      assertThat(stranger.await("#error-404").getText()).contains("Nothing here");

      assertThat(stranger.register(username, PASSWORD).getText()).contains("Nothing yet");

      assertThat(stranger.all("#messages .info")).isEmpty();
      assertThat(
              api.count(
                  "SELECT count(*) FROM recordings WHERE id = ? AND owner_id IS NULL",
                  UUID.fromString(id)))
          .as("still nobody's")
          .isEqualTo(1);
      visitor.go("result.xhtml?id=" + id);
      assertThat(visitor.await("#anonymous-note").getText()).contains("only this browser");
    }
  }

  /** Analyses {@code file} from the home page and returns the result's id. */
  private static String analyseAnonymously(Browser browser, Path file) {
    browser.go("");
    browser.choose("upload:file", file);
    browser.click("upload:analyse");
    browser.await("#emotion");
    return resultId(browser);
  }

  /** How many of these recordings the named account owns, by the database. */
  private static long recordingsOwnedBy(String username, String... ids) {
    Api api = new Api();
    return java.util.Arrays.stream(ids)
        .mapToLong(
            id ->
                api.count(
                    "SELECT count(*) FROM recordings r JOIN users u ON u.id = r.owner_id"
                        + " WHERE u.username = ? AND r.id = ?",
                    username,
                    UUID.fromString(id)))
        .sum();
  }

  @Test
  void registeredUserSeesTheirHistoryAndDeletesAnEntry() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.open()) {
      assertThat(browser.register(username, PASSWORD).getText()).contains("Nothing yet");

      browser.go("");
      browser.choose("upload:file", WAV);
      browser.click("upload:analyse");
      String emotion = browser.await("#verdict").getAttribute("data-emotion");

      browser.go("history.xhtml");
      assertThat(browser.all(".history-row")).hasSize(1);
      assertThat(browser.find(".history-row").getText())
          .contains(emotion)
          .contains(WAV.getFileName().toString());
      assertThat(browser.find("#download-all-json").getAttribute("href"))
          .endsWith("/api/v1/predictions?format=json&download=1&size=100");
      String csvLink = browser.find("#download-all-csv").getAttribute("href");
      assertThat(csvLink).endsWith("/api/v1/predictions?format=csv&download=1&size=100");
      Browser.Fetched csv = browser.fetch(csvLink);
      assertThat(csv.status()).isEqualTo(200);
      assertThat(csv.contentDisposition()).isEqualTo("attachment; filename=\"ser-history.csv\"");
      assertThat(csv.body()).contains(browser.find(".history-row").getAttribute("data-id"));
      browser.screenshot("history");
      browser.find(".history-row .delete").click();
      assertThat(browser.confirmation())
          .as("the browser asks first, naming what goes")
          .startsWith("Delete the analysis of")
          .contains("cannot be undone");
      assertThat(browser.await("#history-empty").getText()).contains("Nothing yet");
      assertThat(browser.find("#messages .info").getText())
          .as("a message says what went")
          .startsWith("Deleted '" + WAV.getFileName() + "' of ")
          .endsWith("and its audio.");

      browser.submit(browser.find("#logout\\:go"));
      browser.go("history.xhtml");
      assertThat(browser.currentPath()).isEqualTo("/login.xhtml");
    }
  }

  /**
   * A share link opens the result read-only in another browser without signing in, with its audio,
   * but not its file name, downloads or share box; it is not indexed, sends no referrer and is not
   * cached. Once the owner stops sharing, the same link is the 404 page.
   */
  @Test
  void aSharedResultOpensForAnyoneWithTheLinkUntilTheOwnerStopsSharing() {
    String username = "sharer-" + UUID.randomUUID().toString().substring(0, 8);
    Api api = new Api();
    try (Browser owner = Browser.open();
        Browser other = Browser.open()) {
      owner.register(username, PASSWORD);
      owner.go("");
      owner.choose("upload:file", WAV);
      owner.click("upload:analyse");
      String headline = owner.await("#emotion").getText();
      String id = resultId(owner);
      assertThat(owner.find("#share-hint").getText()).startsWith("Not shared.");

      owner.submit(owner.find("#sharing\\:create"));
      String link = owner.await("#share-link").getAttribute("value");
      assertThat(link).matches("http://[^/]+/shared\\.xhtml\\?key=[A-Za-z0-9_-]{43}");
      assertThat(owner.find("#share-link").getAttribute("readonly")).isNotNull();
      assertThat(
              ((JavascriptExecutor) owner.driver).executeScript("return document.activeElement.id"))
          .as("selected, ready to copy")
          .isEqualTo("share-link");
      owner.screenshot("result-shared");

      other.driver.get(link);
      assertThat(other.await("#emotion").getText()).isEqualTo(headline);
      assertThat(other.all("#probabilities li")).hasSize(6);
      assertThat(other.all("#segments li")).isNotEmpty();
      assertThat(other.all("#timeline")).hasSize(1);
      assertThat(other.all("#filename, #download-json, #download-csv, #share, form"))
          .as("no file name, downloads or forms")
          .isEmpty();
      assertThat(other.driver.getPageSource())
          .doesNotContain(username)
          .doesNotContain(id)
          .doesNotContain(WAV.getFileName().toString());
      assertThat(other.find("meta[name=robots]").getAttribute("content")).isEqualTo("noindex");
      String audio = other.find("#player").getAttribute("src");
      assertThat(audio).contains("/media/shared/");
      assertThat(other.fetch(audio).status()).isEqualTo(200);
      new WebDriverWait(other.driver, Duration.ofSeconds(30))
          .until(d -> other.imageLoaded("#waveform") && other.imageLoaded("#spectrogram"));
      other.screenshot("shared");
      Api.Answer page = api.send(HttpRequest.newBuilder(URI.create(link)));
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
      assertThat(page.headers().firstValue("Cache-Control")).contains("private, no-store");
      Api.Answer part =
          api.send(HttpRequest.newBuilder(URI.create(audio)).header("Range", "bytes=0-99"));
      assertThat(part.status()).as("the player may seek").isEqualTo(206);
      assertThat(part.headers().firstValue("Cache-Control")).contains("private, no-store");
      assertThat(part.headers().firstValue("Referrer-Policy")).contains("no-referrer");

      owner.driver.navigate().refresh();
      assertThat(owner.await("#shared-since").getText()).startsWith("Shared since");
      assertThat(owner.all("#share-link")).as("the link is shown once").isEmpty();
      assertThat(owner.submitConfirmed(owner.find("#sharing\\:stop")))
          .startsWith("Stop sharing this result?");
      assertThat(owner.await("#messages .info").getText()).startsWith("Stopped sharing");
      assertThat(owner.find("#share-hint").getText()).startsWith("Not shared.");
      assertThat(
              api.count(
                  "SELECT count(*) FROM audit_log WHERE target = ?"
                      + " AND action IN ('recording.share', 'recording.unshare')",
                  id))
          .isEqualTo(2);

      other.driver.navigate().refresh();
      assertThat(other.await("#error-404").getText()).contains("Nothing here");
      assertThat(other.fetch(audio).status()).isEqualTo(404);
      assertThat(api.send(HttpRequest.newBuilder(URI.create(link))).status()).isEqualTo(404);
      assertThat(api.send(api.request("shared.xhtml?key=not-a-key")).status()).isEqualTo(404);
      assertThat(api.send(api.request("shared.xhtml")).status()).isEqualTo(404);
    }
  }

  @Test
  void aSignedInUserSendsSeveralFilesAtOnceAndWatchesThemArriveInTheHistory() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    Path mp3 = Path.of("src/test/resources/audio/speech_16k.mp3");
    try (Browser browser = Browser.open()) {
      browser.register(username, PASSWORD);
      browser.go("");
      browser
          .find("[id='batch:files']")
          .sendKeys(
              String.join(
                  "\n",
                  WAV.toAbsolutePath().toString(),
                  mp3.toAbsolutePath().toString(),
                  WAV.toAbsolutePath().toString()));
      browser.click("batch:submit");

      assertThat(browser.currentPath()).isEqualTo("/history.xhtml");
      browser.screenshot("history-batch");
      new WebDriverWait(browser.driver, Duration.ofSeconds(120))
          .until(
              driver ->
                  driver.findElements(By.cssSelector(".history-row")).size() == 3
                      && driver.findElements(By.id("jobs-running")).isEmpty());
      assertThat(browser.all(".history-row")).hasSize(3);
    }
  }

  @Test
  void emptyFormsSayWhatIsMissingNextToTheField() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.open()) {
      browser.go("register.xhtml");
      browser.submit(browser.find("[id='register:submit']"));

      assertThat(browser.await("[id='register:username'] + [role=alert]").getText())
          .isEqualTo("Choose a username.");
      assertThat(browser.find("[id='register:password'] + [role=alert]").getText())
          .isEqualTo("Choose a password.");
      browser.screenshot("register-empty");

      browser.register(username, PASSWORD);
      browser.go("account.xhtml");
      browser.submit(browser.find("[id='token-form:create']"));

      assertThat(browser.await("[id='token-form:name'] + [role=alert]").getText())
          .isEqualTo("Give the token a name.");
    }
  }

  @Test
  void apiTokenCreatedOnTheAccountPageWorksUntilRevoked() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    Api api = new Api();
    try (Browser browser = Browser.open()) {
      browser.register(username, PASSWORD);

      browser.go("account.xhtml");
      browser.type("#token-form\\:name", "my script");
      browser.click("token-form:create");
      String token = browser.await("#issued-token").getText();
      browser.screenshot("account-token");

      assertThat(token).startsWith("ser_");
      assertThat(api.get("api/v1/predictions", token).status()).isEqualTo(200);

      browser.go("account.xhtml");
      assertThat(browser.driver.getPageSource()).doesNotContain(token);
      assertThat(browser.submitConfirmed(browser.find("#token-list input[type=submit]")))
          .startsWith("Revoke the token 'my script'?");
      assertThat(browser.await("#messages .info").getText())
          .startsWith("Revoked the token 'my script'");
      assertThat(api.get("api/v1/predictions", token).status()).isEqualTo(401);
    }
  }

  @Test
  void deletingEverythingRemovesTheAccountAndItsRecordings() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    Api api = new Api();
    try (Browser browser = Browser.open()) {
      browser.register(username, PASSWORD);
      browser.go("");
      browser.choose("upload:file", WAV);
      browser.click("upload:analyse");
      browser.await("#emotion");
      assertThat(
              api.count(
                  "SELECT count(*) FROM recordings r JOIN users u ON u.id = r.owner_id"
                      + " WHERE u.username = ?",
                  username))
          .isEqualTo(1);

      browser.go("account.xhtml");
      browser.find("[id='delete-form:confirm']").sendKeys("not-" + username);
      browser.click("delete-form:delete");
      assertThat(browser.await("#messages .error").getText())
          .as("a wrong name deletes nothing")
          .contains("Type your username, " + username);
      assertThat(api.count("SELECT count(*) FROM users WHERE username = ?", username)).isEqualTo(1);
      browser.find("[id='delete-form:confirm']").clear();
      browser.find("[id='delete-form:confirm']").sendKeys(username);
      browser.click("delete-form:delete");
      assertThat(browser.await("#account-deleted").getText()).contains("are deleted");

      assertThat(api.count("SELECT count(*) FROM users WHERE username = ?", username)).isZero();
      logIn(browser, username, PASSWORD);
      assertThat(browser.await(".message.error").getText()).contains("Wrong username or password");
    }
  }

  @Test
  void wrongPasswordIsRefusedWithAMessage() {
    try (Browser browser = Browser.open()) {
      browser.go("login.xhtml");
      browser.type("#login\\:username", "admin");
      browser.type("#login\\:password", "not the password");
      browser.click("login:submit");

      assertThat(browser.await(".message.error").getText()).contains("Wrong username or password");
    }
  }

  @Test
  void adminAddsASampleThatVisitorsCanPickAndAnalyse() {
    String name = "Próbka gniewu " + UUID.randomUUID().toString().substring(0, 6);
    try (Browser admin = Browser.open()) {
      logIn(admin, "admin", RunningApp.ADMIN_PASSWORD);
      new WebDriverWait(admin.driver, Duration.ofSeconds(30))
          .until(d -> !admin.currentPath().equals("/login.xhtml"));
      admin.go("admin/samples.xhtml");
      admin.type("#add\\:name", name);
      admin.choose("add:file", WAV);
      admin.click("add:submit");
      assertThat(admin.await(".message.info").getText()).contains(name);
      admin.screenshot("admin-samples");
    }
    try (Browser visitor = Browser.open()) {
      visitor.go("");
      var sample =
          visitor.all(".sample").stream().filter(s -> s.getText().contains(name)).findFirst();
      assertThat(sample).isPresent();
      sample.get().findElement(By.cssSelector("input[type=submit]")).click();
      assertThat(visitor.await("#emotion").getText()).matches(HEADLINE);
      assertThat(visitor.find(".meta").getText()).contains("sample");
    }
  }

  @Test
  void ordinaryUserIsForbiddenFromAdminPages() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = Browser.open()) {
      browser.register(username, PASSWORD);

      browser.go("admin/samples.xhtml");
      assertThat(browser.await("#error-403").getText()).contains("Not yours");
    }
  }

  @Test
  void modelPageExplainsTheLabelsAndShowsTheVersion() {
    try (Browser browser = Browser.open()) {
      browser.go("model.xhtml");
      assertThat(browser.await("#model-version").getText()).isNotBlank();
      assertThat(browser.driver.getPageSource())
          .contains("Acted emotion")
          .contains("Do not use it");
      assertThat(browser.find("#model-caveat").getText()).contains("optimistic");
      assertThat(browser.find("#model-card").getText()).contains("non-commercial");
      browser.screenshot("model");

      browser.resize(390, 844);
      Object width =
          ((org.openqa.selenium.JavascriptExecutor) browser.driver)
              .executeScript("return document.documentElement.scrollWidth");
      assertThat(((Number) width).intValue())
          .as("no sideways scrolling on a phone")
          .isLessThanOrEqualTo(390);
      browser.screenshot("model-phone");
    }
  }

  private static void logIn(Browser browser, String username, String password) {
    browser.go("login.xhtml");
    browser.type("#login\\:username", username);
    browser.type("#login\\:password", password);
    browser.click("login:submit");
  }

  private static byte[] repeated(byte[] part, int times) {
    byte[] all = new byte[part.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(part, 0, all, i * part.length, part.length);
    }
    return all;
  }
}
