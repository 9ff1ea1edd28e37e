/**
 * The PostgreSQL bootstrap: {@link dev.ser.storage.database.Database} starts an embedded server (or
 * connects to an external one), pools connections with HikariCP, runs the Flyway migrations from
 * {@code db/migration} and opens a resource-local persistence unit described in code (no {@code
 * persistence.xml}, so Payara does not deploy one of its own). Use cases run their work through
 * {@link dev.ser.storage.database.Database#inTransaction}; repositories take the {@code
 * EntityManager} it hands them.
 */
package dev.ser.storage.database;
