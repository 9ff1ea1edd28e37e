package dev.ser.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import dev.ser.web.account.Caller;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalysisGateTest {
  private final AnalysisGate gate = new AnalysisGate();
  private final Caller anna = new Caller(Optional.empty(), Optional.empty(), "10.0.0.1");
  private final Caller bob = new Caller(Optional.empty(), Optional.empty(), "10.0.0.2");

  AnalysisGateTest() {
    gate.maxConcurrent = 1;
  }

  @Test
  void oneClientOverItsLimitIsTooManyRequests() {
    assertThatThrownBy(() -> gate.through(anna, () -> gate.through(anna, () -> "second")))
        .isInstanceOf(SerException.class)
        .extracting(e -> ((SerException) e).code())
        .isEqualTo("too_many_requests");
  }

  @Test
  void otherClientsAreNotHeldUp() {
    assertThat(gate.through(anna, () -> gate.through(bob, () -> "bob's"))).isEqualTo("bob's");
  }

  @Test
  void aFinishedOrFailedAnalysisFreesItsSlot() {
    assertThatThrownBy(
            () ->
                gate.through(
                    anna,
                    () -> {
                      throw new IllegalStateException("decoder broke");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(gate.through(anna, () -> "again")).isEqualTo("again");
  }
}
