package io.berth.core.identity;

/**
 * The organisation's identity provider for people on the REST APIs (one per installation).
 *
 * @param issuer      the exact {@code iss} of its tokens
 * @param jwksUrl     where its signing keys are published
 * @param audience    the {@code aud} its tokens for Berth carry
 * @param groupsClaim the claim holding the person's groups (MicroProfile JWT's {@code groups} by default)
 */
public record PeopleIssuer(String issuer, String jwksUrl, String audience, String groupsClaim) {
}
