-- Public keys a tenant registered to sign its plugin uploads. Once a tenant has one, every upload must carry a
-- detached signature (over the exact JAR bytes) by one of them.
create table plugin_signing_keys (
    tenant_id   varchar(40)   not null references tenants (id) on delete cascade,
    id          varchar(16)   not null,
    name        varchar(200)  not null,
    algorithm   varchar(16)   not null,
    -- X.509 SubjectPublicKeyInfo, DER, base64
    public_key  varchar(2000) not null,
    created_at  timestamp with time zone not null,
    primary key (tenant_id, id)
);
