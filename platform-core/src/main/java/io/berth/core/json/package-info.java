/**
 * JSON plumbing shared by Berth's features: cached JSON-P factories (the static {@code Json.create*} methods look the
 * provider up on every call, which the hot path cannot afford) and the conversion between JSON-P values and the plain
 * Java values plugins see.
 */
package io.berth.core.json;
