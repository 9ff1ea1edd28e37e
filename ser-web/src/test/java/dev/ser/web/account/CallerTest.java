package dev.ser.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.UserId;
import dev.ser.domain.account.Username;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.Recording;
import dev.ser.domain.recording.RecordingNotFoundException;
import dev.ser.domain.recording.RecordingSource;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerTest {
  private static final Account ANNA = account("anna", Role.USER);
  private static final Account ADMIN = account("admin", Role.ADMIN);

  @Test
  void ownerSeesTheirRecordingAndNobodyElseDoes() {
    Recording annas = recording(Optional.of(ANNA.id()));

    assertThat(new Caller(Optional.of(ANNA), Optional.empty(), "127.0.0.1").maySee(annas)).isTrue();
    assertThat(
            new Caller(Optional.of(account("bob", Role.USER)), Optional.empty(), "127.0.0.1")
                .maySee(annas))
        .isFalse();
    assertThat(Caller.anonymous(new Visitor()).maySee(annas)).isFalse();
  }

  @Test
  void adminsGetNoLookIntoOtherPeoplesHistory() {
    assertThat(
            new Caller(Optional.of(ADMIN), Optional.empty(), "127.0.0.1")
                .maySee(recording(Optional.of(ANNA.id()))))
        .isFalse();
  }

  @Test
  void anonymousRecordingIsVisibleOnlyToTheSessionThatMadeIt() {
    Recording anonymous = recording(Optional.empty());
    Visitor maker = new Visitor();
    maker.remember(anonymous.id());

    assertThat(Caller.anonymous(maker).maySee(anonymous)).isTrue();
    assertThat(Caller.anonymous(new Visitor()).maySee(anonymous)).isFalse();
    assertThat(new Caller(Optional.of(ANNA), Optional.empty(), "127.0.0.1").maySee(anonymous))
        .isFalse();
    assertThatThrownBy(() -> Caller.anonymous(new Visitor()).requireVisible(anonymous))
        .isInstanceOf(RecordingNotFoundException.class);
  }

  @Test
  void anonymousCallerHasNoUserId() {
    assertThatThrownBy(() -> Caller.anonymous(new Visitor()).requireUserId())
        .isInstanceOf(SerException.class)
        .extracting(e -> ((SerException) e).code())
        .isEqualTo("unauthorized");
  }

  private static Account account(String name, Role role) {
    return new Account(UserId.random(), new Username(name), role, Instant.now());
  }

  private static Recording recording(Optional<UserId> owner) {
    return Recording.create(
        owner,
        RecordingSource.UPLOAD,
        new AudioDescription("audio/wav", "wav", 3.0, 96_044),
        Optional.empty(),
        Instant.now());
  }
}
