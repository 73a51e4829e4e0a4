-- One row per policy decision (allowed or refused, before a render or on its output), append-only
-- and hash-chained per project: each row's `row_hash` is an HMAC, under a key kept outside the
-- database, of its fields and the previous row's hash (db/audit-chain.ts). Derivatives only: an
-- HMAC of the prompt, rule ids, scores and image hashes; `prompt_excerpt` is set only for projects
-- that opted in. No foreign keys: a refusal has no video row, and deleting a video, key or
-- project must never break (or be blocked by) the chain.
create table policy_audit (
  id text primary key,
  project_id text not null,
  api_key_id text,
  -- Set by the append from the database's clock after the project's head is locked, so it
  -- orders like `sequence`; hashed as the microsecond UTC text the database prints.
  created_at timestamptz not null default now(),
  sequence bigint not null check (sequence >= 1),
  operation text not null check (operation in ('create', 'remix', 'estimate', 'output', 'upstream')),
  stage text not null check (stage in ('pre', 'post', 'log-only')),
  param text check (param in ('prompt', 'input_reference', 'output')),
  decision text not null check (decision in ('allowed', 'refused')),
  policy_version text not null,
  category text,
  rules jsonb not null default '[]',
  checks jsonb not null default '[]',
  prompt_hmac text,
  prompt_excerpt text,
  image_hashes jsonb not null default '[]',
  video_id text,
  upstream_code text,
  prev_hash text not null,
  row_hash text not null,
  unique (project_id, sequence)
);

create index policy_audit_project_created on policy_audit (project_id, created_at, id);
create index policy_audit_decision_created on policy_audit (decision, created_at, id);
create index policy_audit_created on policy_audit (created_at, id);

-- Each project's last link. Appends lock it (serialising one project's appends) and move it in
-- the same transaction; it is what shows that the last rows were deleted. `head_hmac` keys it
-- too, so editing it to hide a deleted tail needs the key as well.
create table policy_audit_heads (
  project_id text primary key,
  last_sequence bigint not null check (last_sequence >= 0),
  last_hash text not null,
  head_hmac text not null,
  updated_at timestamptz not null default now()
);

-- Append-only for the application: an edit or delete is refused (a bug cannot rewrite history);
-- someone who owns the tables can lift this, which is what the chain is there to catch.
create function policy_audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'policy_audit is append-only (% refused)', tg_op;
end;
$$;

create trigger policy_audit_append_only
  before update or delete on policy_audit
  for each row execute function policy_audit_append_only();

create trigger policy_audit_no_truncate
  before truncate on policy_audit
  for each statement execute function policy_audit_append_only();

-- A head only moves forward one link at a time and is never removed.
create function policy_audit_head_forward() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or new.last_sequence <> old.last_sequence + 1 then
    raise exception 'policy_audit_heads only moves forward (% refused)', tg_op;
  end if;
  return new;
end;
$$;

create trigger policy_audit_head_forward
  before update or delete on policy_audit_heads
  for each row execute function policy_audit_head_forward();
