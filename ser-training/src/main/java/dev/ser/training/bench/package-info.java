/**
 * Benchmarks against the running application: {@code ./ser bench http} (load and latency at several
 * concurrency levels, the database and blob check afterwards, and where a request's time goes) and
 * {@code ./ser bench soak} (heap and process memory over many predictions). They print numbers;
 * they are not tests.
 */
package dev.ser.training.bench;
