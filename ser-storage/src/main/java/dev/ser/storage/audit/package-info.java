/**
 * The admin audit log: the web layer records an {@link dev.ser.storage.audit.AuditEntry} in the
 * same transaction as the admin action it describes, so both commit or neither does.
 */
package dev.ser.storage.audit;
