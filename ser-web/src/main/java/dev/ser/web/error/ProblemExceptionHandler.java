package dev.ser.web.error;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * The one place Faces turns what a user did wrong into what they see. On a form submission the
 * {@link Problem}'s message appears on the same page; on a page request (an unknown or foreign id
 * in the URL) the response is the problem's status and its error page. Anything else goes on to the
 * default handling, which web.xml maps to the 500 page.
 */
public class ProblemExceptionHandler extends ExceptionHandlerWrapper {

  ProblemExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext context = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      Throwable thrown = events.next().getContext().getException();
      if (isExpiredView(thrown)) {
        events.remove();
        redirect(context, "/expired.xhtml");
        continue;
      }
      Optional<Problem> problem = Problem.in(thrown);
      if (problem.isEmpty()) {
        continue;
      }
      events.remove();
      show(context, problem.get());
    }
    getWrapped().handle();
  }

  private static void show(FacesContext context, Problem problem) {
    if (context.isPostback()) {
      context.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.message(), null));
      context.validationFailed();
      context.renderResponse();
      return;
    }
    sendError(context, problem);
  }

  /**
   * Answers the request with the problem's status and error page, as a page request that failed
   * gets; for a form whose page cannot be drawn again without what the action failed to find.
   */
  public static void sendError(FacesContext context, Problem problem) {
    problem
        .retryAfterSeconds()
        .ifPresent(
            seconds ->
                context
                    .getExternalContext()
                    .setResponseHeader("Retry-After", Integer.toString(seconds)));
    try {
      context.getExternalContext().responseSendError(problem.status(), problem.message());
      context.responseComplete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A form posted after its view was dropped (session ended, server restarted). Handled here
   * because the container would match the wrapping exception to the generic 500 page first.
   */
  private static boolean isExpiredView(Throwable thrown) {
    int depth = 0;
    for (Throwable t = thrown; t != null && depth < 16; t = t.getCause(), depth++) {
      if (t instanceof ViewExpiredException) {
        return true;
      }
    }
    return false;
  }

  private static void redirect(FacesContext context, String path) {
    try {
      context
          .getExternalContext()
          .redirect(context.getExternalContext().getRequestContextPath() + path);
      context.responseComplete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
