-- Tenants: the id (a slug) is immutable and flows everywhere (URL path, token audience, keys, audit).
create table tenants (
    id            varchar(40)   not null primary key,
    display_name  varchar(200)  not null,
    status        varchar(16)   not null,
    settings      varchar(16384) not null default '{}',
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint        not null default 0,
    constraint tenants_status_known check (status in ('active', 'suspended'))
);
