/**
 * Who may do what on the REST APIs: the roles of people and management keys ({@link io.berth.core.access.Role}).
 * Agents are not here: their access to tools, resources and prompts is decided by scopes
 * ({@code io.berth.core.identity}).
 */
package io.berth.core.access;
