/**
 * The admin's sample library: {@link dev.ser.storage.samples.Samples} lists, publishes and counts
 * uses in the caller's transaction; {@link dev.ser.storage.samples.SampleLibrary} adds and deletes
 * samples together with their audio. A visitor's pick is analysed with {@code
 * RecordingArchive.storeFromSample}, which shares the sample's blob.
 */
package dev.ser.storage.samples;
