-- Creates per API key per minute (a fixed window), shared by every gateway process on the
-- database. Rows older than the current minute are pruned as the key makes its next create.
create table rate_windows (
  api_key_id text not null references api_keys (id),
  window_start timestamptz not null,
  count integer not null,
  primary key (api_key_id, window_start)
);
