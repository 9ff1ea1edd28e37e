package dev.ser.web.account;

import dev.ser.domain.account.PasswordHash;
import java.util.Arrays;

/**
 * Prints how long one password hash and one verification take on this machine, for
 * docs/security.md. A benchmark, not a test: {@code mvn -q -o -pl ser-web test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.ser.web.account.PasswordHashingBench}.
 */
public final class PasswordHashingBench {
  private static final int WARM_UP = 10;
  private static final int RUNS = 40;

  private PasswordHashingBench() {}

  public static void main(String[] args) {
    Passwords passwords = new Passwords();
    passwords.makeDecoy();
    char[] password = "a long enough password".toCharArray();
    PasswordHash argon2 = passwords.rehash(password);
    PasswordHash pbkdf2 = new PasswordHash(Pbkdf2LegacyTest.SOTERIA_HASH);
    char[] legacyPassword = Pbkdf2LegacyTest.PASSWORD.toCharArray();

    report("Argon2id m=19456 t=2 p=1, hash", () -> passwords.rehash(password));
    report("Argon2id m=19456 t=2 p=1, verify", () -> passwords.verify(password, argon2));
    report("unknown user (decoy verify)", () -> passwords.waste(password));
    report("PBKDF2-SHA256 210k (legacy), verify", () -> passwords.verify(legacyPassword, pbkdf2));
  }

  private static void report(String what, Runnable work) {
    for (int i = 0; i < WARM_UP; i++) {
      work.run();
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      work.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-40s median %6.1f ms   min %6.1f ms   max %6.1f ms   (%d runs)%n",
        what, nanos[RUNS / 2] / 1e6, nanos[0] / 1e6, nanos[RUNS - 1] / 1e6, RUNS);
  }
}
