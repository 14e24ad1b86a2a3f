/**
 * Opt-in checks for values a model sends, for tools whose arguments end up somewhere dangerous: HTML turned into plain
 * text ({@link io.berth.sdk.safety.HtmlText}), file names that stay where they are put
 * ({@link io.berth.sdk.safety.SafeFileName}), SQL that only reads ({@link io.berth.sdk.safety.ReadOnlySql}), e-mail
 * addresses within allowed domains ({@link io.berth.sdk.safety.EmailDomains}) and lengths counted in code points
 * ({@link io.berth.sdk.safety.Lengths}).
 *
 * <p>Each check has two forms: {@code require(...)} for handlers, which returns the (normalized) value or throws a
 * {@link io.berth.sdk.ToolException} the model reads, and {@code problem(...)}, which returns what is wrong, if
 * anything, for an arguments record's compact constructor to throw as an {@link IllegalArgumentException} (which the
 * SDK reports as a problem of the call). They depend on the JDK only.
 *
 * <p>They are guards that refuse what they do not understand, not parsers: they keep a careless model and a prompt
 * injection from reaching the obvious, and work best behind the real boundary (a read-only database role, a directory
 * the tool cannot leave, a mail relay that enforces the same domains).
 */
package io.berth.sdk.safety;
