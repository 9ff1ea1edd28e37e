package dev.ser.audio.decode.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MutatorTest {

  @Test
  void sameRunSeedAndIndexRecreateTheSameMutant() {
    Mutant first = new Mutator(42).mutant(1234);
    Mutant again = new Mutator(42).mutant(1234);

    assertThat(again.bytes()).isEqualTo(first.bytes());
    assertThat(again.mutation()).isEqualTo(first.mutation());
    assertThat(new Mutator(43).mutant(1234).bytes()).isNotEqualTo(first.bytes());
  }

  @Test
  void indicesTakeTheFormatsInTurn() {
    Mutator mutator = new Mutator(1, List.of(SeedFormat.MP3, SeedFormat.WEBM));

    assertThat(mutator.mutant(0).format()).isEqualTo(SeedFormat.MP3);
    assertThat(mutator.mutant(1).format()).isEqualTo(SeedFormat.WEBM);
    assertThat(mutator.mutant(2).format()).isEqualTo(SeedFormat.MP3);
  }

  @Test
  void aRunUsesEveryMutation() {
    Mutator mutator = new Mutator(7);

    assertThat(java.util.stream.IntStream.range(0, 200).mapToObj(i -> mutator.mutant(i).mutation()))
        .containsAll(List.of(Mutation.values()));
  }

  @Test
  void everyMutationDamagesEverySeed() {
    Random random = new Random(5);
    for (SeedFormat format : SeedFormat.values()) {
      byte[] seed = format.bytes();
      for (Mutation mutation : Mutation.values()) {
        int changed = 0;
        for (int i = 0; i < 10; i++) {
          if (!Arrays.equals(Mutator.apply(mutation, format.bytes(), format, random), seed)) {
            changed++;
          }
        }
        assertThat(changed).as(mutation + " on " + format).isGreaterThanOrEqualTo(8);
      }
    }
  }

  @Test
  void truncationKeepsAPrefix() {
    byte[] seed = SeedFormat.M4A.bytes();

    byte[] cut = Mutator.apply(Mutation.TRUNCATION, seed.clone(), SeedFormat.M4A, new Random(3));

    assertThat(cut.length).isBetween(1, seed.length - 1);
    assertThat(cut).isEqualTo(Arrays.copyOf(seed, cut.length));
  }

  @Test
  void wavSizeFieldsAreTheRiffAndChunkSizes() {
    byte[] wav = SeedFormat.WAV.bytes();
    ByteBuffer le = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);

    List<SizeFields.Field> fields = SizeFields.of(wav, SeedFormat.WAV);

    assertThat(fields.get(0).offset()).isEqualTo(4);
    assertThat(SizeFields.readInt(wav, fields.get(0))).isEqualTo(wav.length - 8);
    assertThat(fields.get(1).offset()).isEqualTo(16);
    assertThat(SizeFields.readInt(wav, fields.get(1))).isEqualTo(le.getInt(16));
    assertThat(
            new String(
                wav, fields.get(1).offset() - 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("fmt ");
  }

  @Test
  void m4aAndWebmSizeFieldsStartAtTheirFirstBoxAndElement() {
    byte[] m4a = SeedFormat.M4A.bytes();
    byte[] webm = SeedFormat.WEBM.bytes();

    SizeFields.Field ftyp = SizeFields.of(m4a, SeedFormat.M4A).get(0);
    SizeFields.Field ebml = SizeFields.of(webm, SeedFormat.WEBM).get(0);

    assertThat(ftyp.offset()).isZero();
    assertThat(SizeFields.readInt(m4a, ftyp)).isEqualTo(0x1C);
    assertThat(ebml.offset()).isEqualTo(4);
    assertThat(ebml.width()).isEqualTo(1);
  }

  @Test
  void sizeLieChangesOnlyLengthFieldsAndKeepsTheLength() {
    Random random = new Random(11);
    for (SeedFormat format : SeedFormat.values()) {
      byte[] seed = format.bytes();
      boolean[] inField = new boolean[seed.length];
      for (SizeFields.Field field : SizeFields.of(seed, format)) {
        Arrays.fill(inField, field.offset(), field.offset() + field.width(), true);
      }
      for (int i = 0; i < 20; i++) {
        byte[] lied = Mutator.apply(Mutation.SIZE_LIE, format.bytes(), format, random);
        assertThat(lied).hasSameSizeAs(seed);
        for (int at = 0; at < seed.length; at++) {
          if (lied[at] != seed[at]) {
            assertThat(inField[at]).as(format + " byte " + at).isTrue();
          }
        }
      }
    }
  }
}
