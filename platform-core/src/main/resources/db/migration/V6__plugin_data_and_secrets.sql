-- What plugins reach through ToolContext, all owned by a tenant and purged with it (on delete cascade).

-- The plugin data store: one namespace per tenant and plugin. size_bytes is the UTF-8 length of key plus value;
-- version comes from the tenant's counter below, so a version is never reused (compare-and-set cannot be fooled by a
-- delete and re-create). Expired rows are invisible at once and deleted when their room is needed.
create table plugin_data (
    tenant_id   varchar(40)     not null references tenants (id) on delete cascade,
    plugin      varchar(200)    not null,
    data_key    varchar(256)    not null,
    data_value  varchar(262144) not null,
    version     bigint          not null,
    size_bytes  bigint          not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    expires_at  timestamp with time zone,
    constraint plugin_data_pk primary key (tenant_id, plugin, data_key)
);
create index plugin_data_expiry on plugin_data (tenant_id, expires_at);

-- A tenant's data usage and version counter. Every write locks this row first, so one tenant's writes queue up and
-- its quota holds exactly on every node.
create table plugin_data_usage (
    tenant_id     varchar(40) not null primary key references tenants (id) on delete cascade,
    bytes         bigint      not null,
    entries       bigint      not null,
    next_version  bigint      not null
);

-- A tenant's own data quota; a null limit (or no row) means the installation's default.
create table tenant_data_quotas (
    tenant_id    varchar(40) not null primary key references tenants (id) on delete cascade,
    max_bytes    bigint,
    max_entries  bigint,
    version      bigint      not null,
    updated_at   timestamp with time zone not null
);

-- Egress: the hosts a tenant's plugins may reach (one rule per line: host, *.domain, optionally :port), whether plain
-- http is allowed, and whether private, loopback and link-local addresses are. No row means nothing is allowed.
create table tenant_egress_settings (
    tenant_id      varchar(40)    not null primary key references tenants (id) on delete cascade,
    allowed_hosts  varchar(65536) not null,
    allow_http     boolean        not null,
    allow_private  boolean        not null,
    version        bigint         not null,
    updated_at     timestamp with time zone not null
);

-- Named secrets for a tenant's plugins (all of them, or only the one named in plugin). The value is sealed
-- (AES-256-GCM under the sealing keys, bound to tenant and name); no API ever returns it.
create table plugin_secrets (
    tenant_id   varchar(40)   not null references tenants (id) on delete cascade,
    name        varchar(64)   not null,
    plugin      varchar(200),
    sealed      varchar(32768) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint plugin_secrets_pk primary key (tenant_id, name)
);
