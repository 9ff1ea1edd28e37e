package dev.ser.storage.database;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * Turns off EclipseLink's own retry of a read whose connection failed (three more attempts by
 * default) and its health probe after an error (one more connection wait). The pool already waits
 * its connection timeout; multiplying that by four would hold a request for 20 s before it can
 * answer 503, and the caller retries anyway.
 */
public class FailFast implements SessionCustomizer {
  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setConnectionHealthValidatedOnError(false);
    }
  }
}
