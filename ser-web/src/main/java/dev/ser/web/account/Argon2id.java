package dev.ser.web.account;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 0x13) through Bouncy Castle's {@link Argon2BytesGenerator}, in the
 * PHC string format the reference implementation and libsodium write: {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in unpadded standard Base64.
 *
 * @param memoryKib memory cost {@code m} in KiB
 * @param iterations time cost {@code t}, passes over the memory
 * @param parallelism lanes {@code p}
 * @param saltBytes length of the random salt made for each new hash
 * @param hashBytes length of the tag
 */
public record Argon2id(
    int memoryKib, int iterations, int parallelism, int saltBytes, int hashBytes) {

  /** OWASP's password storage recommendation: 19 MiB, 2 passes, 1 lane, 16-byte salt, 32 bytes. */
  public static final Argon2id OWASP = new Argon2id(19 * 1024, 2, 1, 16, 32);

  /** Larger stored parameters are refused so a tampered row cannot make sign-in allocate GiBs. */
  static final int MAX_MEMORY_KIB = 1024 * 1024;

  static final int MAX_ITERATIONS = 64;
  static final int MAX_PARALLELISM = 16;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})"
              + "\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");

  public Argon2id {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM);
    }
    if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "memory must be 8 KiB per lane up to " + MAX_MEMORY_KIB + " KiB");
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS);
    }
    if (saltBytes < 8 || saltBytes > 64) {
      throw new IllegalArgumentException("the salt must be 8 to 64 bytes");
    }
    if (hashBytes < 16 || hashBytes > 64) {
      throw new IllegalArgumentException("the hash must be 16 to 64 bytes");
    }
  }

  /** A stored hash taken apart: the parameters it was made with, its salt and its tag. */
  record Stored(Argon2id parameters, byte[] salt, byte[] hash) {}

  /** The PHC string of the password under a fresh random salt. */
  public String hash(char[] password, SecureRandom random) {
    byte[] salt = new byte[saltBytes];
    random.nextBytes(salt);
    return encode(salt, derive(password, salt, null, null));
  }

  /** Whether the password gives the stored tag; false for anything that is not an Argon2id PHC. */
  public static boolean verify(char[] password, String phc) {
    Optional<Stored> stored = parse(phc);
    if (stored.isEmpty()) {
      return false;
    }
    Stored s = stored.get();
    byte[] actual = s.parameters().derive(password, s.salt(), null, null);
    return MessageDigest.isEqual(actual, s.hash());
  }

  /** Whether a stored hash was made with exactly these parameters (else: re-hash on sign-in). */
  public boolean madeThis(String phc) {
    return parse(phc).filter(s -> s.parameters().equals(this)).isPresent();
  }

  /** The PHC string taken apart; empty when it is not one this class could have written. */
  static Optional<Stored> parse(String phc) {
    if (phc == null) {
      return Optional.empty();
    }
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      byte[] salt = Base64.getDecoder().decode(m.group(4));
      byte[] hash = Base64.getDecoder().decode(m.group(5));
      Argon2id parameters =
          new Argon2id(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              salt.length,
              hash.length);
      return Optional.of(new Stored(parameters, salt, hash));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  String encode(byte[] salt, byte[] hash) {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m="
        + memoryKib
        + ",t="
        + iterations
        + ",p="
        + parallelism
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(hash);
  }

  /**
   * The raw tag of {@code hashBytes} bytes for the password's UTF-8 bytes; {@code secret} (the key
   * K) and {@code associatedData} (X) are RFC 9106's optional inputs, null when unused.
   */
  byte[] derive(char[] password, byte[] salt, byte[] secret, byte[] associatedData) {
    Argon2Parameters.Builder builder =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt);
    if (secret != null) {
      builder.withSecret(secret);
    }
    if (associatedData != null) {
      builder.withAdditional(associatedData);
    }
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(builder.build());
    byte[] tag = new byte[hashBytes];
    byte[] passwordBytes = utf8(password);
    try {
      generator.generateBytes(passwordBytes, tag);
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
    return tag;
  }

  private static byte[] utf8(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }
}
