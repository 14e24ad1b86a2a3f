/**
 * The plugin data store ({@code ToolContext.data()}): text values under keys, one namespace per tenant and plugin, in
 * the relational database (table {@code plugin_data}, migration V6), with a quota per tenant in bytes and entries
 * that holds exactly across the cluster, time-to-live, compare-and-set on never-reused versions, and keyset listing.
 */
package io.berth.core.capability.data;
