/**
 * Personal API tokens: {@link dev.ser.storage.token.ApiTokens} issues them (the secret is returned
 * once, only its SHA-256 is stored), authenticates a {@code Bearer} token by its hash (one unique
 * index lookup) and lists or revokes a user's tokens.
 */
package dev.ser.storage.token;
