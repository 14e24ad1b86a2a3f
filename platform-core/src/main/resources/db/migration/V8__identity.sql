-- Identity and access (docs/adr/0006-identity.md).

-- The ES256 keys Berth's authorization server signs access tokens with, one set for the installation (every tenant's
-- issuer publishes them in its JWKS). The newest key without retired_at signs; a retired key verifies until every token
-- it signed has expired, then any node deletes it. public_key is an X.509 SubjectPublicKeyInfo (DER, base64);
-- private_key is the PKCS#8 DER sealed by io.berth.core.security.Sealer (context 'berth.identity.token-signing-key').
create table token_signing_keys (
    kid          varchar(32)   not null primary key,
    algorithm    varchar(16)   not null,
    public_key   varchar(1000) not null,
    private_key  varchar(2000) not null,
    created_at   timestamp with time zone not null,
    retired_at   timestamp with time zone
);

-- Identity providers a tenant trusts besides Berth's own authorization server: tokens whose iss is exactly `issuer`
-- are verified with the keys at jwks_url (HTTPS). `audience` replaces the tenant's canonical MCP URI as the expected
-- aud when the IdP cannot issue URL audiences; scope_claim names the claim holding the scopes ('scope' as a
-- space-separated string, 'scp' or another name as a string or an array).
create table tenant_identity_providers (
    tenant_id    varchar(40)   not null references tenants (id) on delete cascade,
    issuer       varchar(500)  not null,
    jwks_url     varchar(2000) not null,
    audience     varchar(500),
    scope_claim  varchar(64)   not null default 'scope',
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    primary key (tenant_id, issuer)
);

-- Revoked access tokens (kind 'token', handle = jti) and API keys whose tokens are refused (kind 'client', handle = key
-- id). The cluster serves the checks from memory (Hazelcast, mirrored on every node); these rows let the set survive a
-- restart of the whole cluster. Rows past expires_at are useless (the token has expired) and are deleted.
create table token_revocations (
    tenant_id   varchar(40)  not null references tenants (id) on delete cascade,
    kind        varchar(8)   not null,
    handle      varchar(200) not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone not null,
    primary key (tenant_id, kind, handle),
    constraint token_revocations_kind_known check (kind in ('token', 'client'))
);
create index token_revocations_expiry on token_revocations (expires_at);
