/**
 * Share links: {@link dev.ser.storage.share.Shares} gives an owner's recording a read-only link
 * whose key is returned once (only its SHA-256 is stored), finds the recording a presented key
 * opens (one unique index lookup) and revokes the link.
 */
package dev.ser.storage.share;
