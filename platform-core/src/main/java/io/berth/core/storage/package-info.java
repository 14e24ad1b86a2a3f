/**
 * Durable state: the relational database behind the {@code jdbc/berth} data source (embedded H2 by default,
 * PostgreSQL in production, chosen by Liberty configuration) and its Flyway migrations under {@code db/migration}.
 *
 * <p>Berth uses plain JDBC through {@link io.berth.core.storage.Jdbc}: every statement is visible, tenant filters are
 * explicit, and nothing is loaded that a request did not ask for (see docs/adr/0001).
 */
package io.berth.core.storage;
