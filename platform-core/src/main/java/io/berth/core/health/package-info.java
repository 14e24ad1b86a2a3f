/**
 * MicroProfile Health checks: readiness ({@code /health/ready}) covers the database, its migrations and the cluster
 * member; liveness ({@code /health/live}) says whether this process can still do its job or should be restarted.
 */
package io.berth.core.health;
