-- Uploaded plugins. Every accepted upload is a version (kept, so that a tenant can roll back); the JAR itself is stored
-- here, so every node can load it. A plugin's active version is what its tools answer with; none means undeployed.
create table plugin_versions (
    tenant_id     varchar(40)  not null references tenants (id) on delete cascade,
    plugin        varchar(64)  not null,
    version       integer      not null,
    sha256        varchar(64)  not null,
    jar           bytea        not null,
    size_bytes    integer      not null,
    -- 'classloader' (vetted code, in Berth's JVM) or 'worker' (a sandboxed process of the tenant)
    isolation     varchar(16)  not null,
    -- the canonical JSON of what the version declares (tools, prompts, resources): schema pinning compares it
    declarations  text         not null,
    -- 'held' (its declarations changed: waits for a tenant admin's approval) or 'approved'
    status        varchar(16)  not null,
    created_at    timestamp with time zone not null,
    approved_at   timestamp with time zone,
    primary key (tenant_id, plugin, version)
);

create table plugins (
    tenant_id       varchar(40) not null references tenants (id) on delete cascade,
    plugin          varchar(64) not null,
    active_version  integer,
    updated_at      timestamp with time zone not null,
    primary key (tenant_id, plugin)
);

-- Tools a tenant switched off (by name, whichever plugin offers them).
create table disabled_tools (
    tenant_id  varchar(40)  not null references tenants (id) on delete cascade,
    tool       varchar(128) not null,
    primary key (tenant_id, tool)
);
