/**
 * Berth's platform core, package by feature. Where a request enters and what checks it:
 * <ul>
 *   <li>{@code tenant} — the tenant gate on {@code /t/{tenant}/...}, the tenant lifecycle and cluster-wide status;</li>
 *   <li>{@code operator}, {@code apikey}, {@code security} — credentials and secret handling;</li>
 *   <li>{@code storage} — JDBC and Flyway migrations; {@code cluster} — the embedded Hazelcast member;</li>
 *   <li>{@code lifecycle}, {@code bootstrap}, {@code health} — start-up order, first start, health checks;</li>
 *   <li>{@code http} — RFC 9457 problem details.</li>
 * </ul>
 */
package io.berth.core;
