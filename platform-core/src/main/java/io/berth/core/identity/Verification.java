package io.berth.core.identity;

/** What {@link TokenVerifier} answers: a {@link VerifiedToken} or a {@link TokenRejected}. */
public sealed interface Verification permits VerifiedToken, TokenRejected {
}
