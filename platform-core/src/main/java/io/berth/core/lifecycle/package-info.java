/**
 * Start-up order of a Berth node, in one place: configuration checks, database migration, cluster join, identity
 * (token signing keys, revocation mirror), first-start bootstrap, plugin loading. A failure stops the application from
 * starting, and readiness stays down.
 */
package io.berth.core.lifecycle;
