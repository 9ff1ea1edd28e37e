/**
 * Analysed recordings and their predictions. Read them with {@link
 * dev.ser.storage.recording.Recordings} inside {@code Database.inTransaction} (use {@code
 * findOwned} for anything a signed-in user asks for by id). Store, delete, "delete all my data" and
 * retention go through {@link dev.ser.storage.recording.RecordingArchive}, which keeps rows and
 * blobs consistent; {@link dev.ser.storage.recording.OrphanSweeper} cleans up after crashes and is
 * scheduled by the web layer, as is retention ({@code deleteOlderThan}). {@link
 * dev.ser.storage.recording.ConsistencyCheck} reports rows without blobs and blobs without rows
 * (for the load test and after fault tests).
 */
package dev.ser.storage.recording;
