/**
 * Accounts: {@link dev.ser.storage.account.Users} registers, finds and changes accounts and hands
 * sign-in the stored password hash ({@code credentialsOf}); the web layer hashes and verifies
 * passwords and creates the first admin when {@code anyAdmin()} is false.
 */
package dev.ser.storage.account;
