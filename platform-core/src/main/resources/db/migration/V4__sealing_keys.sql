-- Keys that seal state Berth hands to clients and must get back unaltered (MCP requestState). Every node loads all of
-- them; the newest seals, all open, so a key can be rotated by adding one. The key material is base64url.
create table sealing_keys (
    kid         varchar(32) not null primary key,
    secret      varchar(64) not null,
    created_at  timestamp with time zone not null
);
