/**
 * {@code ./ser fuzz http}: thousands of damaged audio files ({@link
 * dev.ser.audio.decode.fuzz.Mutator}) sent to the running application's upload endpoint, each
 * answer held to the rules of hostile input (201, or a 4xx with a JSON error; never a 5xx, HTML, a
 * stack trace or a wait over 2 s), then the database and blob check. Inputs that break a rule are
 * kept as a regression corpus.
 */
package dev.ser.training.fuzz;
