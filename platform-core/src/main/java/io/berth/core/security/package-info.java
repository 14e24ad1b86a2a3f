/** Primitives for secrets: generation from a strong random source, hashing for storage, constant-time comparison. */
package io.berth.core.security;
