/**
 * Storage for SER: audio blobs ({@link dev.ser.storage.blob}) and the PostgreSQL history via JPA
 * ({@link dev.ser.storage.database} and the topic packages {@code recording}, {@code samples},
 * {@code account}, {@code token}, {@code audit}).
 *
 * <p>How the web layer wires it, once per application (an {@code @ApplicationScoped} producer):
 *
 * <pre>{@code
 * Database database = Database.start(DatabaseSettings.embedded(dataDir));   // or external(url, user, pw)
 * AudioStore store = AudioStore.open(AudioStoreSettings.choose(...config..., dataDir));
 * RecordingArchive archive = new RecordingArchive(database, store, Clock.systemUTC());
 * // Analyses.analyse: decode, predict, then
 * archive.store(Recording.create(owner, UPLOAD, description, filename, now), bytes, prediction);
 * // reads, in one transaction:
 * database.inTransaction(em -> new Recordings(em).historyOf(user, offset, limit));
 * // on shutdown: store.close(); database.close();
 * }</pre>
 *
 * Failures of the infrastructure (database or blob store down) are {@link
 * dev.ser.storage.StorageUnavailableException} (map to 503 + Retry-After); a caller's mistakes are
 * {@link dev.ser.domain.SerException} with a code such as {@code not_found}.
 */
package dev.ser.storage;
