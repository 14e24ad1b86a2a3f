-- One row, inserted by whichever node starts first on an empty database: that node runs the first-start bootstrap.
create table installation (
    id          smallint not null primary key,
    created_at  timestamp with time zone not null,
    constraint installation_single_row check (id = 1)
);

-- Operator bearer credentials, stored as SHA-256 of the token (tokens are 256-bit random, so no slow hash is needed).
create table operator_credentials (
    id          varchar(40) not null primary key,
    token_hash  varchar(64) not null unique,
    created_at  timestamp with time zone not null
);
