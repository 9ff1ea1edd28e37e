package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Who may read, change or delete what, tried from outside over plain HTTP. Every way the
 * application takes an id, found by reading the JAX-RS resources, {@code MediaServlet} and the
 * Faces pages with their backing beans:
 *
 * <ul>
 *   <li>{@code GET} and {@code DELETE /api/v1/predictions/{id}} ({@code PredictionsResource});
 *   <li>{@code GET /media/recordings/{id}/audio}, {@code .../waveform.png}, {@code
 *       .../spectrogram.png} ({@code MediaServlet});
 *   <li>{@code GET /result.xhtml?id=} ({@code ResultBacking}, a view parameter);
 *   <li>history.xhtml "Delete" ({@code HistoryBacking.delete}, the row's recording id);
 *   <li>result.xhtml "Share" and "Stop sharing" ({@code ShareBacking}, the view's own result) and
 *       {@code POST} and {@code DELETE /api/v1/predictions/{id}/share};
 *   <li>account.xhtml "Revoke" ({@code AccountBacking.revoke}, the row's token id);
 *   <li>admin/samples.xhtml "Publish"/"Unpublish" and "Delete" ({@code AdminSamplesBacking}, the
 *       row's sample id);
 *   <li>index.xhtml "Analyse this" ({@code SamplesBacking.analyse}, a published sample's id);
 *   <li>{@code GET /media/samples/{id}} ({@code MediaServlet}).
 * </ul>
 *
 * The ids of Faces actions are never sent by the browser: they are evaluated on the server from the
 * rows of the poster's own restored view, so a forged post can only name a row position, and the
 * position means the poster's own rows. Strangers (another user's session, an anonymous visitor,
 * another user's bearer token, an admin for private recordings) get 404 for recordings and samples,
 * 403 for admin pages; afterwards the rows and blobs are byte for byte what they were, and the
 * owner still can.
 *
 * <p>Forgery: every Faces form (log in, register, log out, upload, analyse a sample, delete from
 * the history, create and revoke a token, delete the account, and the admin's add, publish or
 * unpublish and delete sample) acts only with its own session's view state: with server-side state
 * saving, a post without one is rendered as a fresh page and a post with another session's is an
 * expired view. The API refuses a cookie-authenticated change that a browser says came from another
 * site ({@code CrossSiteApiFilter}); it used to perform it.
 */
class AccessControlIT {
  private static final String PASSWORD = "correct horse battery";
  private static final String VIEW_STATE = "jakarta.faces.ViewState";
  private static final byte[] WAV = Api.resource("speech_16k.wav");
  private static final List<String> MEDIA = List.of("audio", "waveform.png", "spectrogram.png");

  private final Api api = new Api();

  @Test
  void strangersGetNotFoundOnEveryPathToAUsersRecordingAndChangeNothing() {
    Visit owner = signUp();
    String ownerToken = issueToken(owner, "mine");
    String fromPage = analyse(owner);
    String fromApi =
        api.postMultipart("speech.wav", "audio/wav", WAV, ownerToken).json().get("id").asText();
    Evidence pageBefore = recording(fromPage);
    Evidence apiBefore = recording(fromApi);

    Visit stranger = signUp();
    String strangerToken = issueToken(stranger, "theirs");
    Visit visitor = new Visit();
    analyse(visitor);
    Visit admin = admin();
    for (String id : List.of(fromPage, fromApi)) {
      for (Visit other : List.of(stranger, visitor, admin)) {
        assertReadsAre(404, other, null, id);
        assertThat(other.send(other.request("api/v1/predictions/" + id).DELETE()).status())
            .as("DELETE by %s", other)
            .isEqualTo(other.isSignedIn() ? 404 : 401);
      }
      assertReadsAre(404, new Visit(), strangerToken, id);
      assertThat(api.delete("api/v1/predictions/" + id, strangerToken).status()).isEqualTo(404);
    }

    assertThat(recording(fromPage)).isEqualTo(pageBefore);
    assertThat(recording(fromApi)).isEqualTo(apiBefore);
    for (String id : List.of(fromPage, fromApi)) {
      assertReadsAre(200, owner, null, id);
      assertReadsAre(200, new Visit(), ownerToken, id);
    }
  }

  @Test
  void anAnonymousRecordingIsSeenOnlyByTheSessionThatMadeIt() {
    Visit maker = new Visit();
    String id = analyse(maker);
    Evidence before = recording(id);
    Visit user = signUp();
    String token = issueToken(user, "reader");

    for (Visit other : List.of(new Visit(), user, admin())) {
      assertReadsAre(404, other, null, id);
    }
    assertReadsAre(404, new Visit(), token, id);
    assertThat(user.send(user.request("api/v1/predictions/" + id).DELETE()).status())
        .isEqualTo(404);
    assertThat(api.delete("api/v1/predictions/" + id, token).status()).isEqualTo(404);

    assertThat(recording(id)).isEqualTo(before);
    assertReadsAre(200, maker, null, id);
  }

  @Test
  void historyDeleteActsOnlyOnThePostersOwnRows() {
    Visit anna = signUp();
    String annas = analyse(anna);
    Evidence annasBefore = recording(annas);
    Page annasHistory = anna.get("history.xhtml");
    Visit bob = signUp();
    String bobs = analyse(bob);
    Page bobsHistory = bob.get("history.xhtml");
    Form bobsForm = bobsHistory.form("history");
    String firstRowDelete = bobsHistory.button("data-id=\"" + bobs + "\"", "</tr>", "Delete");
    assertThat(annasHistory.button("data-id=\"" + annas + "\"", "</tr>", "Delete"))
        .as("both pages name their first row's button alike")
        .isEqualTo(firstRowDelete);

    Page stolen =
        bob.post(
            "history.xhtml",
            bobsForm.submit(firstRowDelete, Map.of(), annasHistory.form("history").viewState()));
    assertThat(stolen.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/expired.xhtml"));
    assertThat(recording(annas)).isEqualTo(annasBefore);

    bob.post("history.xhtml", bobsForm.submit(firstRowDelete, Map.of(), bobsForm.viewState()));
    assertThat(recording(bobs).exists()).as("bob's own first row").isFalse();
    assertThat(recording(annas)).isEqualTo(annasBefore);

    Page again =
        bob.post("history.xhtml", bobsForm.submit(firstRowDelete, Map.of(), bobsForm.viewState()));
    assertThat(again.status()).isLessThan(500);
    Map<String, String> withAnnasViewState =
        bobsForm.submit(firstRowDelete, Map.of(), annasHistory.form("history").viewState());
    assertThat(new Visit().post("history.xhtml", withAnnasViewState).location())
        .hasValueSatisfying(l -> assertThat(l).contains("/login.xhtml"));
    String bobsToken = issueToken(bob, "bobs");
    assertThat(
            new Visit().withToken(bobsToken).post("history.xhtml", withAnnasViewState).location())
        .hasValueSatisfying(l -> assertThat(l).endsWith("/expired.xhtml"));
    assertThat(recording(annas)).isEqualTo(annasBefore);

    Page owners = anna.get("history.xhtml");
    anna.post(
        "history.xhtml",
        owners
            .form("history")
            .submit(
                owners.button("data-id=\"" + annas + "\"", "</tr>", "Delete"),
                Map.of(),
                owners.form("history").viewState()));
    assertThat(recording(annas).exists()).isFalse();
    assertThat(Files.exists(blob("recordings/" + annas))).isFalse();
  }

  @Test
  void tokenRevokeActsOnlyOnThePostersOwnTokens() {
    Visit anna = signUp();
    String annasToken = issueToken(anna, "annas");
    Page annasAccount = anna.get("account.xhtml");
    Visit bob = signUp();
    String bobsToken = issueToken(bob, "bobs");
    Page bobsAccount = bob.get("account.xhtml");
    Form bobsList = bobsAccount.form("token-list");
    String firstRowRevoke = bobsAccount.button("<td>bobs</td>", "</tr>", "Revoke");

    Page stolen =
        bob.post(
            "account.xhtml",
            bobsList.submit(firstRowRevoke, Map.of(), annasAccount.form("token-list").viewState()));
    assertThat(stolen.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/expired.xhtml"));
    assertThat(api.get("api/v1/predictions", annasToken).status()).isEqualTo(200);

    Page bearer =
        new Visit()
            .withToken(bobsToken)
            .post(
                "account.xhtml",
                bobsList.submit(
                    firstRowRevoke, Map.of(), annasAccount.form("token-list").viewState()));
    assertThat(bearer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/expired.xhtml"));

    bob.post("account.xhtml", bobsList.submit(firstRowRevoke, Map.of(), bobsList.viewState()));
    assertThat(api.get("api/v1/predictions", bobsToken).status()).isEqualTo(401);
    assertThat(api.get("api/v1/predictions", annasToken).status()).isEqualTo(200);

    Page anonymous =
        new Visit()
            .post(
                "account.xhtml",
                bobsList.submit(
                    firstRowRevoke, Map.of(), annasAccount.form("token-list").viewState()));
    assertThat(anonymous.location())
        .hasValueSatisfying(l -> assertThat(l).contains("/login.xhtml"));
    assertThat(api.get("api/v1/predictions", annasToken).status()).isEqualTo(200);
  }

  /**
   * "Share" and "Stop sharing" act on the result their own view was drawn for, and only for its
   * owner: an {@code id} a stranger adds to their own post does not move the form to another's
   * result, another session's view state is an expired view, and the API answers 404 for another's
   * prediction. An anonymous result has no share box.
   */
  @Test
  void shareFormsActOnlyOnThePostersOwnResult() {
    Visit anna = signUp();
    String annas = analyse(anna);
    assertOnlyItsOwnViewStateActs(
        anna,
        "result.xhtml?id=" + annas,
        "sharing",
        page -> "sharing:create",
        Map.of(),
        null,
        () -> sharesOf(annas) == 1);
    Page annasResult = anna.get("result.xhtml?id=" + annas);
    Visit bob = signUp();
    String bobs = analyse(bob);
    Form bobsForm = bob.get("result.xhtml?id=" + bobs).form("sharing");

    Page forged =
        bob.post(
            "result.xhtml",
            bobsForm.submit("sharing:create", Map.of("id", annas), bobsForm.viewState()));
    assertThat(sharesOf(bobs)).as("the post shared the view's own result").isEqualTo(1);
    assertThat(forged.location()).hasValueSatisfying(l -> assertThat(l).endsWith("?id=" + bobs));
    Page stolen =
        bob.post(
            "result.xhtml",
            bobsForm.submit("sharing:create", Map.of(), annasResult.form("sharing").viewState()));
    assertThat(stolen.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/expired.xhtml"));
    Form bobsStop = bob.get("result.xhtml?id=" + bobs).form("sharing");
    bob.post(
        "result.xhtml", bobsStop.submit("sharing:stop", Map.of("id", annas), bobsStop.viewState()));
    assertThat(sharesOf(bobs)).isZero();
    assertThat(sharesOf(annas)).as("anna's link still works").isEqualTo(1);

    String bobsToken = issueToken(bob, "sharer");
    String share = "api/v1/predictions/" + annas + "/share";
    assertThat(
            api.send(
                    api.request(share)
                        .header("Authorization", "Bearer " + bobsToken)
                        .POST(HttpRequest.BodyPublishers.noBody()))
                .status())
        .isEqualTo(404);
    assertThat(api.delete(share, bobsToken).status()).isEqualTo(404);
    assertThat(api.delete(share, null).status()).isEqualTo(401);
    assertThat(sharesOf(annas)).isEqualTo(1);

    Visit visitor = new Visit();
    String visitors = analyse(visitor);
    Page anonymous = visitor.get("result.xhtml?id=" + visitors);
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.body()).doesNotContain("id=\"sharing\"");
  }

  private long sharesOf(String recording) {
    return api.count(
        "SELECT count(*) FROM shares WHERE recording_id = ?", UUID.fromString(recording));
  }

  @Test
  void onlyAdminsSeeOrChangeTheSampleLibrary() {
    Visit admin = admin();
    String name = "hidden-" + UUID.randomUUID();
    String sample = addSample(admin, name, false);
    Evidence before = sample(sample);
    long audited = api.count("SELECT count(*) FROM audit_log WHERE target = ?", sample);
    Page adminsPage = admin.get("admin/samples.xhtml");
    Form adminsList = adminsPage.form("list");
    String publish = adminsPage.button("data-name=\"" + name + "\"", "</tr>", "Publish");
    String delete = adminsPage.button("data-name=\"" + name + "\"", "</tr>", "Delete");

    Visit user = signUp();
    String token = issueToken(user, "not-admin");
    String usersViewState = user.get("index.xhtml").form("upload").viewState();
    assertThat(user.get("admin/samples.xhtml").status()).isEqualTo(403);
    assertThat(new Visit().withToken(token).get("admin/samples.xhtml").status()).isEqualTo(403);
    assertThat(new Visit().get("admin/samples.xhtml").location())
        .hasValueSatisfying(l -> assertThat(l).contains("/login.xhtml"));
    for (String button : List.of(publish, delete)) {
      for (String viewState : List.of(usersViewState, adminsList.viewState())) {
        Map<String, String> forged = adminsList.submit(button, Map.of(), viewState);
        assertThat(user.post("admin/samples.xhtml", forged).status()).isEqualTo(403);
        assertThat(new Visit().withToken(token).post("admin/samples.xhtml", forged).status())
            .isEqualTo(403);
        assertThat(new Visit().post("admin/samples.xhtml", forged).location())
            .hasValueSatisfying(l -> assertThat(l).contains("/login.xhtml"));
      }
    }
    for (Visit stranger : List.of(user, new Visit(), new Visit().withToken(token))) {
      assertThat(stranger.get("media/samples/" + sample).status()).isEqualTo(404);
    }
    Page home = user.get("index.xhtml");
    assertThat(home.body()).doesNotContain(sample);
    Form samplesForm = home.form("samples");
    for (String button : samplesForm.buttons().keySet()) {
      user.post("index.xhtml", samplesForm.submit(button, Map.of(), samplesForm.viewState()));
    }

    assertThat(sample(sample)).isEqualTo(before);
    assertThat(
            api.count(
                "SELECT count(*) FROM recordings WHERE sample_id = ?", UUID.fromString(sample)))
        .isZero();
    assertThat(api.count("SELECT count(*) FROM audit_log WHERE target = ?", sample))
        .isEqualTo(audited);
    assertThat(admin.get("media/samples/" + sample).status()).isEqualTo(200);
    admin.post("admin/samples.xhtml", adminsList.submit(publish, Map.of(), adminsList.viewState()));
    assertThat(user.get("media/samples/" + sample).status()).isEqualTo(200);
    Page adminsNow = admin.get("admin/samples.xhtml");
    admin.post(
        "admin/samples.xhtml",
        adminsNow
            .form("list")
            .submit(
                adminsNow.button("data-name=\"" + name + "\"", "</tr>", "Delete"),
                Map.of(),
                adminsNow.form("list").viewState()));
    assertThat(sample(sample).exists()).isFalse();
    assertThat(api.count("SELECT count(*) FROM audit_log WHERE target = ?", sample))
        .isEqualTo(audited + 2);
  }

  @Test
  void signInAndRegisterFormsActOnlyWithTheirOwnViewState() {
    Visit someone = signUp();
    Visit victim = new Visit();
    assertOnlyItsOwnViewStateActs(
        victim,
        "login.xhtml",
        "login",
        page -> "login:submit",
        Map.of("login:username", someone.username, "login:password", PASSWORD),
        null,
        () -> victim.get("history.xhtml").status() == 200);

    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    Visit newcomer = new Visit();
    assertOnlyItsOwnViewStateActs(
        newcomer,
        "register.xhtml",
        "register",
        page -> "register:submit",
        Map.of("register:username", username, "register:password", PASSWORD),
        null,
        () -> api.count("SELECT count(*) FROM users WHERE username = ?", username) == 1);
  }

  @Test
  void analysisFormsActOnlyWithTheirOwnViewState() {
    Visit user = signUp();
    assertOnlyItsOwnViewStateActs(
        user,
        "index.xhtml",
        "upload",
        page -> "upload:analyse",
        Map.of(),
        new Attachment("upload:file", "speech.wav", "audio/wav", WAV),
        () -> recordingsOf(user) == 1);

    Visit admin = admin();
    String name = "public-" + UUID.randomUUID();
    String sample = addSample(admin, name, true);
    assertOnlyItsOwnViewStateActs(
        user,
        "index.xhtml",
        "samples",
        page -> page.button("media/samples/" + sample, "</div>", "Analyse this"),
        Map.of(),
        null,
        () ->
            api.count(
                    "SELECT count(*) FROM recordings r JOIN users u ON u.id = r.owner_id"
                        + " WHERE r.sample_id = ? AND u.username = ?",
                    UUID.fromString(sample),
                    user.username)
                == 1);

    String recording = analyse(user);
    assertOnlyItsOwnViewStateActs(
        user,
        "history.xhtml",
        "history",
        page -> page.button("data-id=\"" + recording + "\"", "</tr>", "Delete"),
        Map.of(),
        null,
        () -> !recording(recording).exists());
  }

  @Test
  void accountFormsActOnlyWithTheirOwnViewState() {
    Visit user = signUp();
    assertOnlyItsOwnViewStateActs(
        user,
        "account.xhtml",
        "token-form",
        page -> "token-form:create",
        Map.of("token-form:name", "made"),
        null,
        () -> tokensOf(user, "made") == 1);
    assertOnlyItsOwnViewStateActs(
        user,
        "account.xhtml",
        "token-list",
        page -> page.button("<td>made</td>", "</tr>", "Revoke"),
        Map.of(),
        null,
        () -> tokensOf(user, "made") == 0);
    assertOnlyItsOwnViewStateActs(
        user,
        "account.xhtml",
        "logout",
        page -> "logout:go",
        Map.of(),
        null,
        () -> user.get("history.xhtml").status() != 200);

    Visit leaving = signUp();
    assertOnlyItsOwnViewStateActs(
        leaving,
        "account.xhtml",
        "delete-form",
        page -> "delete-form:delete",
        Map.of("delete-form:confirm", leaving.username),
        null,
        () -> api.count("SELECT count(*) FROM users WHERE username = ?", leaving.username) == 0);
  }

  @Test
  void sampleAdministrationFormsActOnlyWithTheirOwnViewState() {
    Visit admin = admin();
    String name = "added-" + UUID.randomUUID();
    assertOnlyItsOwnViewStateActs(
        admin,
        "admin/samples.xhtml",
        "add",
        page -> "add:submit",
        Map.of("add:name", name, "add:expected", "SAD"),
        new Attachment("add:file", "speech.wav", "audio/wav", WAV),
        () -> api.count("SELECT count(*) FROM sample_recordings WHERE name = ?", name) == 1);
    String sample = sampleNamed(name);
    assertOnlyItsOwnViewStateActs(
        admin,
        "admin/samples.xhtml",
        "list",
        page -> page.button("data-name=\"" + name + "\"", "</tr>", "Unpublish"),
        Map.of(),
        null,
        () ->
            api.count(
                    "SELECT count(*) FROM sample_recordings WHERE id = ? AND NOT published",
                    UUID.fromString(sample))
                == 1);
    assertOnlyItsOwnViewStateActs(
        admin,
        "admin/samples.xhtml",
        "list",
        page -> page.button("data-name=\"" + name + "\"", "</tr>", "Delete"),
        Map.of(),
        null,
        () -> !sample(sample).exists());
  }

  @Test
  void apiRefusesChangesThatASignedInBrowserSendsFromAnotherSite() {
    Visit anna = signUp();
    String id = analyse(anna);
    Evidence before = recording(id);
    List<Map<String, String>> crossSite =
        List.of(
            Map.of("Origin", "https://evil.example"),
            Map.of("Origin", "null"),
            Map.of("Sec-Fetch-Site", "cross-site"),
            Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://other.127.0.0.1.nip.io"));

    for (Map<String, String> headers : crossSite) {
      Page delete =
          anna.send(withHeaders(anna.request("api/v1/predictions/" + id).DELETE(), headers));
      assertThat(delete.status()).as("DELETE with %s", headers).isEqualTo(403);
      assertThat(delete.body()).contains("\"cross_site_request\"");
      Page post = anna.send(withHeaders(anna.multipartPredictionRequest(), headers));
      assertThat(post.status()).as("POST with %s", headers).isEqualTo(403);
    }

    assertThat(recording(id)).isEqualTo(before);
    assertThat(recordingsOf(anna)).isEqualTo(1);
  }

  @Test
  void apiTakesSessionChangesFromItsOwnPagesAndTokensFromAnywhere() {
    Visit anna = signUp();
    String ownOrigin = api.uri("").toString().replaceAll("/$", "");
    Page sameOrigin = anna.send(anna.multipartPredictionRequest().header("Origin", ownOrigin));
    assertThat(sameOrigin.status()).isEqualTo(201);
    Page fetched =
        anna.send(anna.multipartPredictionRequest().header("Sec-Fetch-Site", "same-origin"));
    assertThat(fetched.status()).isEqualTo(201);
    assertThat(recordingsOf(anna)).isEqualTo(2);
    String id = new Api.Answer(201, sameOrigin.body(), null).json().get("id").asText();
    assertThat(
            anna.send(anna.request("api/v1/predictions/" + id).DELETE().header("Origin", ownOrigin))
                .status())
        .isEqualTo(204);
    assertThat(recording(id).exists()).isFalse();

    String token = api.newUserToken();
    Visit elsewhere = new Visit();
    assertThat(
            elsewhere
                .send(
                    elsewhere
                        .multipartPredictionRequest()
                        .header("Origin", "https://evil.example")
                        .header("Authorization", "Bearer " + token))
                .status())
        .as("a token is never sent by a browser on its own")
        .isEqualTo(201);
    assertThat(
            elsewhere
                .send(
                    elsewhere.multipartPredictionRequest().header("Origin", "https://evil.example"))
                .status())
        .as("no session: the public anonymous API")
        .isEqualTo(201);
  }

  /**
   * Posts the form three times: without a view state, with another session's, and with its own.
   * Only the last may act.
   */
  private void assertOnlyItsOwnViewStateActs(
      Visit visit,
      String path,
      String formId,
      java.util.function.Function<Page, String> button,
      Map<String, String> inputs,
      Attachment file,
      BooleanSupplier acted) {
    Page page = visit.get(path);
    assertThat(page.status()).as("%s for %s", path, visit).isEqualTo(200);
    Form form = page.form(formId);
    String pressed = button.apply(page);
    String foreign = new Visit().get("login.xhtml").form("login").viewState();

    Page without = visit.submit(form, form.submit(pressed, inputs, null), file);
    assertThat(without.status()).as("%s without a view state", formId).isLessThan(500);
    assertThat(acted.getAsBoolean()).as("%s acted without a view state", formId).isFalse();

    Page stolen = visit.submit(form, form.submit(pressed, inputs, foreign), file);
    assertThat(stolen.location())
        .as("%s with another session's view state", formId)
        .hasValueSatisfying(l -> assertThat(l).endsWith("/expired.xhtml"));
    assertThat(acted.getAsBoolean())
        .as("%s acted on another session's view state", formId)
        .isFalse();

    Page own = visit.submit(form, form.submit(pressed, inputs, form.viewState()), file);
    assertThat(own.status()).as("%s with its own view state", formId).isLessThan(400);
    assertThat(acted.getAsBoolean()).as("%s with its own view state", formId).isTrue();
  }

  /** The three media, the API and the result page of one recording all answer {@code status}. */
  private static void assertReadsAre(int status, Visit visit, String token, String id) {
    Visit caller = token == null ? visit : visit.withToken(token);
    for (String media : MEDIA) {
      assertThat(caller.get("media/recordings/" + id + "/" + media).status())
          .as("%s of %s for %s", media, id, caller)
          .isEqualTo(status);
    }
    assertThat(caller.get("api/v1/predictions/" + id).status())
        .as("API read of %s for %s", id, caller)
        .isEqualTo(status);
    assertThat(caller.get("result.xhtml?id=" + id).status())
        .as("result page of %s for %s", id, caller)
        .isEqualTo(status);
  }

  private Visit signUp() {
    Visit visit = new Visit("user-" + UUID.randomUUID().toString().substring(0, 8));
    Form form = visit.get("register.xhtml").form("register");
    Page done =
        visit.post(
            "register.xhtml",
            form.submit(
                "register:submit",
                Map.of("register:username", visit.username, "register:password", PASSWORD),
                form.viewState()));
    assertThat(done.location())
        .as("registering %s", visit.username)
        .hasValueSatisfying(l -> assertThat(l).endsWith("/history.xhtml"));
    return visit;
  }

  private Visit admin() {
    Visit visit = new Visit("admin");
    Form form = visit.get("login.xhtml").form("login");
    visit.post(
        "login.xhtml",
        form.submit(
            "login:submit",
            Map.of("login:username", "admin", "login:password", RunningApp.ADMIN_PASSWORD),
            form.viewState()));
    assertThat(visit.get("admin/samples.xhtml").status()).isEqualTo(200);
    return visit;
  }

  /** A token made on the account page, as its owner would. */
  private static String issueToken(Visit owner, String name) {
    Form form = owner.get("account.xhtml").form("token-form");
    Page issued =
        owner.post(
            "account.xhtml",
            form.submit("token-form:create", Map.of("token-form:name", name), form.viewState()));
    Matcher token = Pattern.compile("id=\"issued-token\">\\s*([^<\\s]+)").matcher(issued.body());
    assertThat(token.find()).as("a token was shown").isTrue();
    return token.group(1);
  }

  /** Uploads the test WAV through the home page's form; the result page's id. */
  private static String analyse(Visit visit) {
    Form form = visit.get("index.xhtml").form("upload");
    Page result =
        visit.submit(
            form,
            form.submit("upload:analyse", Map.of(), form.viewState()),
            new Attachment("upload:file", "speech.wav", "audio/wav", WAV));
    Matcher id =
        Pattern.compile("result\\.xhtml\\?id=([0-9a-f-]{36})")
            .matcher(result.location().orElse(""));
    assertThat(id.find()).as("redirected to the result, not %s", result.location()).isTrue();
    return id.group(1);
  }

  private String addSample(Visit admin, String name, boolean published) {
    Form form = admin.get("admin/samples.xhtml").form("add");
    Map<String, String> fields =
        form.submit(
            "add:submit", Map.of("add:name", name, "add:expected", "NEUTRAL"), form.viewState());
    fields.remove("add:published");
    if (published) {
      fields.put("add:published", "on");
    }
    admin.submit(form, fields, new Attachment("add:file", "speech.wav", "audio/wav", WAV));
    return sampleNamed(name);
  }

  private String sampleNamed(String name) {
    return single("SELECT id::text FROM sample_recordings WHERE name = ?", name)
        .orElseThrow(() -> new AssertionError("no sample named " + name));
  }

  private long recordingsOf(Visit user) {
    return api.count(
        "SELECT count(*) FROM recordings r JOIN users u ON u.id = r.owner_id WHERE u.username = ?",
        user.username);
  }

  private long tokensOf(Visit user, String name) {
    return api.count(
        "SELECT count(*) FROM api_tokens t JOIN users u ON u.id = t.owner_id"
            + " WHERE u.username = ? AND t.name = ?",
        user.username,
        name);
  }

  /**
   * A recording's rows (with its prediction) and its blob's digest, to compare before and after.
   */
  private Evidence recording(String id) {
    return evidence(
        "SELECT r::text || ' ' || coalesce(p::text, ''), r.blob_key FROM recordings r"
            + " LEFT JOIN predictions p ON p.recording_id = r.id WHERE r.id = ?",
        id);
  }

  private Evidence sample(String id) {
    return evidence("SELECT s::text, s.blob_key FROM sample_recordings s WHERE s.id = ?", id);
  }

  private Evidence evidence(String sql, String id) {
    try (Connection db = api.app.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setObject(1, UUID.fromString(id));
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Evidence.ABSENT;
        }
        return new Evidence(rows.getString(1), digest(blob(rows.getString(2))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<String> single(String sql, String parameter) {
    try (Connection db = api.app.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, parameter);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path blob(String key) {
    return api.app.audioDirectory().resolve(key);
  }

  private static String digest(Path file) {
    if (!Files.exists(file)) {
      return "no blob";
    }
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder withHeaders(
      HttpRequest.Builder request, Map<String, String> headers) {
    headers.forEach(request::header);
    return request;
  }

  private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
    return HttpRequest.BodyPublishers.ofString(
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")));
  }

  /** What is stored for one id: its rows as text and its blob's SHA-256. */
  record Evidence(String rows, String blob) {
    static final Evidence ABSENT = new Evidence("no rows", "no blob");

    boolean exists() {
      return !equals(ABSENT);
    }
  }

  /** A file field of a multipart post. */
  record Attachment(String field, String filename, String contentType, byte[] content) {}

  /** One answer, redirects not followed. */
  record Page(int status, String body, Optional<String> location) {
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");

    Form form(String id) {
      int start = body.indexOf("<form id=\"" + id + "\"");
      assertThat(start).as("form %s on the page", id).isNotNegative();
      String html = body.substring(start, body.indexOf("</form>", start));
      Map<String, String> head = attributes(html.substring(0, html.indexOf('>')));
      Map<String, String> fields = new LinkedHashMap<>();
      Map<String, String> buttons = new LinkedHashMap<>();
      String viewState = null;
      for (Map<String, String> input : inputs(html)) {
        String name = input.get("name");
        String type = input.getOrDefault("type", "text");
        if (name == null) {
          continue; // a browser sends no field without a name, such as the share link's
        }
        if (VIEW_STATE.equals(name)) {
          viewState = input.get("value");
        } else if (type.equals("submit")) {
          buttons.put(name, input.get("value"));
        } else if (type.equals("checkbox")) {
          if (input.containsKey("checked")) {
            fields.put(name, "on");
          }
        } else if (!type.equals("file")) {
          fields.put(name, input.getOrDefault("value", ""));
        }
      }
      return new Form(head.get("action"), fields, buttons, viewState);
    }

    /** The name of the submit button showing {@code value} between {@code from} and {@code to}. */
    String button(String from, String to, String value) {
      int start = body.indexOf(from);
      assertThat(start).as("%s on the page", from).isNotNegative();
      String html = body.substring(start, body.indexOf(to, start));
      return inputs(html).stream()
          .filter(input -> "submit".equals(input.get("type")) && value.equals(input.get("value")))
          .map(input -> input.get("name"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no '" + value + "' button after " + from));
    }

    private static List<Map<String, String>> inputs(String html) {
      return INPUT.matcher(html).results().map(m -> attributes(m.group(1))).toList();
    }

    private static Map<String, String> attributes(String tag) {
      Map<String, String> attributes = new LinkedHashMap<>();
      ATTRIBUTE
          .matcher(tag)
          .results()
          .forEach(m -> attributes.putIfAbsent(m.group(1), unescape(m.group(2))));
      return attributes;
    }

    private static String unescape(String html) {
      return html.replace("&quot;", "\"")
          .replace("&lt;", "<")
          .replace("&gt;", ">")
          .replace("&#39;", "'")
          .replace("&amp;", "&");
    }
  }

  /**
   * A Faces form as the page rendered it: its hidden and text fields, its buttons (name to label)
   * and its view state.
   */
  record Form(
      String action, Map<String, String> fields, Map<String, String> buttons, String viewState) {

    /** The fields a browser would post when {@code button} is pressed; no view state if null. */
    Map<String, String> submit(String button, Map<String, String> inputs, String viewState) {
      assertThat(buttons).as("buttons of the form").containsKey(button);
      Map<String, String> post = new LinkedHashMap<>(fields);
      post.putAll(inputs);
      post.put(button, buttons.get(button));
      if (viewState != null) {
        post.put(VIEW_STATE, viewState);
      }
      return post;
    }
  }

  /**
   * One browser without JavaScript: its own cookie jar, redirects not followed, optionally a bearer
   * token on every request.
   */
  static final class Visit {
    private static final RunningApp APP = RunningApp.get();

    final String username;
    private final HttpClient client;
    private final String token;

    Visit() {
      this(null);
    }

    Visit(String username) {
      this(
          username,
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(5))
              .build(),
          null);
    }

    private Visit(String username, HttpClient client, String token) {
      this.username = username;
      this.client = client;
      this.token = token;
    }

    /** The same cookies, with {@code Authorization: Bearer token} added to each request. */
    Visit withToken(String token) {
      return new Visit(username, client, token);
    }

    boolean isSignedIn() {
      return username != null;
    }

    HttpRequest.Builder request(String path) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(APP.uri(path.startsWith("/") ? path.substring(1) : path))
              .timeout(Duration.ofSeconds(60));
      return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    Page get(String path) {
      return send(request(path).GET());
    }

    Page post(String path, Map<String, String> fields) {
      return send(
          request(path)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(form(fields)));
    }

    /** Posts to the form's action, as multipart when a file goes with it. */
    Page submit(Form form, Map<String, String> fields, Attachment file) {
      return file == null
          ? post(form.action(), fields)
          : postMultipart(form.action(), fields, file);
    }

    Page postMultipart(String path, Map<String, String> fields, Attachment file) {
      String boundary = "----ser" + UUID.randomUUID();
      return send(
          request(path)
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, file))));
    }

    /** {@code POST /api/v1/predictions} with the test WAV, not yet sent. */
    HttpRequest.Builder multipartPredictionRequest() {
      String boundary = "----ser" + UUID.randomUUID();
      return request("api/v1/predictions")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(
              HttpRequest.BodyPublishers.ofByteArray(
                  multipart(
                      boundary, Map.of(), new Attachment("file", "speech.wav", "audio/wav", WAV))));
    }

    Page send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> response =
            client.send(
                request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Page(
            response.statusCode(), response.body(), response.headers().firstValue("Location"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, Attachment file) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      fields.forEach(
          (name, value) ->
              body.writeBytes(
                  ("--"
                          + boundary
                          + "\r\nContent-Disposition: form-data; name=\""
                          + name
                          + "\"\r\n\r\n"
                          + value
                          + "\r\n")
                      .getBytes(StandardCharsets.UTF_8)));
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + file.field()
                  + "\"; filename=\""
                  + file.filename()
                  + "\"\r\nContent-Type: "
                  + file.contentType()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.content());
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return body.toByteArray();
    }

    @Override
    public String toString() {
      return (username == null ? "an anonymous visitor" : username)
          + (token == null ? "" : " with a bearer token");
    }
  }
}
