package dev.ser.web.account;

import dev.ser.domain.recording.RecordingId;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an anonymous visitor's browser session may see again: the recordings it made. Nobody else,
 * signed in or not, can open them; when the session ends they are unreachable, unless the visitor
 * signed in first and the account claimed them. Sign-in changes the session's id but keeps its
 * attributes, this bean among them.
 */
@SessionScoped
public class Visitor implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_REMEMBERED = 200;

  private final Set<RecordingId> made = ConcurrentHashMap.newKeySet();

  public void remember(RecordingId id) {
    if (made.size() >= MAX_REMEMBERED) {
      made.clear();
    }
    made.add(id);
  }

  public boolean made(RecordingId id) {
    return made.contains(id);
  }

  /** A copy of every recording this session made and still remembers. */
  public Set<RecordingId> recordings() {
    return Set.copyOf(made);
  }

  /** Stops remembering these, e.g. once an account has claimed them. */
  public void forget(Set<RecordingId> ids) {
    made.removeAll(ids);
  }
}
