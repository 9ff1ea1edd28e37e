/**
 * Accounts: who may sign in ({@link dev.ser.domain.account.Username}, {@link
 * dev.ser.domain.account.Role}), the already-hashed password the web layer checks, and the personal
 * API tokens used with {@code Authorization: Bearer}. Hashing passwords is the web layer's job; the
 * SHA-256 of an API token is computed here so every caller hashes alike.
 */
package dev.ser.domain.account;
