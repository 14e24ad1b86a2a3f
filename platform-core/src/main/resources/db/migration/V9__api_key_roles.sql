-- The roles a tenant API key holds on the tenant API (space-separated Role ids); none = an agent-only key.
alter table api_keys add column roles varchar(200) not null default '';
