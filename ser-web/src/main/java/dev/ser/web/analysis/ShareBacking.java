package dev.ser.web.analysis;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.storage.share.ShareKey;
import dev.ser.web.Notice;
import dev.ser.web.account.CurrentCaller;
import dev.ser.web.error.Problem;
import dev.ser.web.error.ProblemExceptionHandler;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The result page's share box, for the result's signed-in owner only: "Share" makes a link and
 * shows it once, "New link" replaces it, "Stop sharing" revokes it.
 *
 * <p>View-scoped, so a form post acts on the result this view was drawn for, checked when it was
 * drawn (and again by {@link Sharing}): a posted {@code id} cannot point it at another one, and the
 * buttons a post clicked are the ones that were shown.
 */
@Named
@ViewScoped
public class ShareBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where the new link waits in Faces' flash for the page the form redirects to. */
  private static final String LINK = "shareLink";

  @Inject Sharing sharing;
  @Inject CurrentCaller caller;

  /** The result this view shows, when the caller owns it; null when they do not. */
  private UUID recording;

  private Instant sharedSince;

  /** Called once the result page found {@code shown} for the caller. */
  public void load(AnalysedRecording shown) {
    Optional<Account> account = caller.inBrowser().account();
    if (account.isPresent() && shown.recording().isOwnedBy(account.get().id())) {
      recording = shown.id().value();
      sharedSince = sharing.sharedSince(shown.id(), account.get()).orElse(null);
    }
  }

  /** Whether the caller owns the result, and so may share it. */
  public boolean isOwned() {
    return recording != null;
  }

  public boolean isShared() {
    return sharedSince != null;
  }

  public Instant getSharedSince() {
    return sharedSince;
  }

  /** The link just made, on the page "Share" redirected to; empty on any other. */
  public String getLink() {
    Object link = FacesContext.getCurrentInstance().getExternalContext().getFlash().get(LINK);
    return link == null ? "" : link.toString();
  }

  public String share() {
    return act(
        (owner, faces) -> {
          ShareKey key = sharing.share(new RecordingId(recording), owner);
          ExternalContext context = faces.getExternalContext();
          URI link = Sharing.link((HttpServletRequest) context.getRequest(), key);
          context.getFlash().put(LINK, link.toString());
          return back();
        });
  }

  public String unshare() {
    return act(
        (owner, faces) -> {
          sharing.unshare(new RecordingId(recording), owner);
          Notice.afterRedirect(
              faces, "Stopped sharing: the link no longer opens this result for anyone.");
          return back();
        });
  }

  /** Back to this view's result, whatever {@code id} the post carried. */
  private String back() {
    return "/result?faces-redirect=true&id=" + recording;
  }

  /** An action of an owner, who is still signed in. */
  private interface OwnerAction {
    String apply(Account owner, FacesContext faces);
  }

  /**
   * Runs an owner's action. The page cannot be drawn again without its result, so when the action
   * fails (the result was deleted meanwhile, the caller signed out, storage is down) the answer is
   * the error page a link to the result would get, not this page with a message.
   */
  private String act(OwnerAction action) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Account owner =
          caller
              .inBrowser()
              .account()
              .filter(signedIn -> isOwned())
              .orElseThrow(() -> new SerException("not_found", "not the caller's result"));
      return action.apply(owner, faces);
    } catch (RuntimeException e) {
      ProblemExceptionHandler.sendError(faces, Problem.in(e).orElseThrow(() -> e));
      return null;
    }
  }
}
