/**
 * First start: the node that finds an empty installation creates the operator credential, the demo tenant and a demo
 * API key, and hands the secrets to the person who started Berth, once.
 */
package io.berth.core.bootstrap;
