package dev.ser.audio.decode.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.audio.AudioException;
import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodedAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The decoder under {@link Mutator}'s damage, 600 mutants (100 per format, every {@link Mutation})
 * with a fixed seed: each one decodes to at most the seed's length plus what a splice adds, or ends
 * in an {@link AudioException} with a code and a message; none takes over 2 s; none crashes the JVM
 * (which would end the test run).
 */
@Timeout(600)
class DecoderFuzzTest {
  private static final int MUTANTS = 600;
  private static final long RUN_SEED = 20_261_124;

  @Test
  void mutantsDecodeOrFailWithAnAudioErrorWithinTwoSeconds() {
    AudioDecoder decoder = new AudioDecoder();
    Mutator mutator = new Mutator(RUN_SEED);
    for (int i = 0; i < MUTANTS; i++) {
      Mutant mutant = mutator.mutant(i);
      long start = System.nanoTime();
      try {
        DecodedAudio audio = decoder.decode(mutant.bytes());
        assertThat(audio.durationSeconds()).as(mutant.fileName()).isLessThan(60);
      } catch (AudioException e) {
        assertThat(e.code()).as(mutant.fileName()).isNotBlank();
        assertThat(e.getMessage()).as(mutant.fileName()).isNotBlank();
      }
      assertThat((System.nanoTime() - start) / 1e9).as(mutant.fileName()).isLessThan(2.0);
    }
  }
}
