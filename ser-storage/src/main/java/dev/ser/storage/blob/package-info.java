/**
 * Audio bytes: the {@link dev.ser.storage.blob.AudioStore} interface with its two implementations,
 * Azure Blob Storage (production, Azurite in tests) and local disk (the embedded default), chosen
 * by {@link dev.ser.storage.blob.AudioStoreSettings#choose}. Keys ({@link
 * dev.ser.storage.blob.BlobKey}) are validated so they can never leave the store's directory or
 * container. Blobs are private: the web layer streams {@link dev.ser.storage.blob.StoredAudio} to
 * the owner and never hands out a URL. {@link dev.ser.storage.blob.AudioStore#putThen} is the
 * blob-first, rows-second write protocol every writer uses.
 */
package dev.ser.storage.blob;
