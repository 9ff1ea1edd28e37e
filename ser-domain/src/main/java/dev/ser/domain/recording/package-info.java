/**
 * Recordings: a piece of audio someone analysed (uploaded, recorded in the browser, or picked from
 * the sample library) and the samples an admin publishes. Plain value objects; ser-storage persists
 * them and ser-web shows them. A recording's audio bytes never travel in these types: the storage
 * layer streams them to their owner.
 */
package dev.ser.domain.recording;
