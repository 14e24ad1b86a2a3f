-- Tenant API keys: only the SHA-256 of the key is stored; the key itself is shown once at creation.
create table api_keys (
    id            varchar(32)  not null primary key,
    tenant_id     varchar(40)  not null references tenants (id) on delete cascade,
    name          varchar(200) not null,
    key_hash      varchar(64)  not null unique,
    scopes        varchar(4000) not null default '',
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone,
    revoked_at    timestamp with time zone,
    last_used_at  timestamp with time zone
);
create index api_keys_tenant on api_keys (tenant_id);
