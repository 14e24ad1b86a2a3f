-- API keys gain what their lifecycle needs (docs/adr/0006-identity.md, "API keys"). Only columns are added, all
-- nullable or with a default, so a node of the previous release keeps issuing and verifying keys next to this one.

-- The tenant roles the key holds on the tenant API (space-separated role ids such as 'tenant-admin developer'); empty:
-- an agent-only key, good for the token endpoint only. 'operator' is never stored here.
alter table api_keys add column roles varchar(200) not null default '';

-- 'live' or 'test', the key's prefix. Keys issued before this migration have null until their next use tells it.
alter table api_keys add column environment varchar(8);
alter table api_keys add constraint api_keys_environment_known check (environment in ('live', 'test'));

-- Rotation, recorded both ways: the new key names the key it replaces; the old key names its successor and keeps
-- working until its expires_at, which the rotation moved to the end of the overlap window.
alter table api_keys add column replaces varchar(32);
alter table api_keys add column rotated_to varchar(32);
