/**
 * Analysed recordings and their predictions. Read them with {@link
 * dev.ser.storage.recording.Recordings} inside {@code Database.inTransaction} (use {@code
 * findOwned} for anything a signed-in user asks for by id). Store, delete, "delete all my data" and
 * retention go through {@link dev.ser.storage.recording.RecordingArchive}, which keeps rows and
 * blobs consistent; {@link dev.ser.storage.recording.OrphanSweeper} cleans up after crashes; the
 * web layer schedules it and retention together as {@link
 * dev.ser.storage.recording.Housekeeping#run}. {@link dev.ser.storage.recording.ConsistencyCheck}
 * reports rows without blobs and blobs without rows (for the load test and after fault tests).
 */
package dev.ser.storage.recording;
