-- Which key created a video: budgets and usage can be kept per key as well as per project.
alter table videos add column api_key_id text references api_keys (id);
-- The video's cost as shown on it, integer micro-USD; the ledger below is what sums are made of.
-- actual is null until settled, and stays null when billing is unknown (the estimate at risk).
alter table videos add column estimate_micro_usd bigint;
alter table videos add column actual_micro_usd bigint;
alter table videos add column cost_basis text;

-- Money, append-only. Each attempt at a render has one `reserve` entry (its estimate, written
-- with the video) and at most one ending entry: `settle` (what it cost; 0 when the provider
-- does not bill it) or `at_risk` (billing unknown: the estimate is assumed spent). Amounts are
-- integer micro-USD. The unique index makes a retried settlement a no-op, never a second bill.
create table ledger_entries (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  project_id text not null references projects (id),
  api_key_id text references api_keys (id),
  video_id text not null references videos (id),
  attempt integer not null default 1 check (attempt >= 1),
  kind text not null check (kind in ('reserve', 'settle', 'at_risk')),
  amount_micro_usd bigint not null check (amount_micro_usd >= 0),
  -- list_price, configured or provider_reported: where the amount came from.
  basis text not null,
  -- Why a settlement is what it is (completed, not_billed:start_rejected, …).
  rule text
);
create unique index ledger_entries_once on ledger_entries (video_id, attempt, (kind = 'reserve'));
create index ledger_entries_project_at on ledger_entries (project_id, at);

-- Spending limits. A key's budget applies to that key's videos, a project's (api_key_id null)
-- to all of the project's. A create locks the rows that apply to it, so concurrent creates are
-- checked one after another and a budget is never overspent.
create table budgets (
  id text primary key,
  project_id text not null references projects (id),
  api_key_id text references api_keys (id),
  period text not null check (period in ('day', 'month', 'total')),
  limit_micro_usd bigint not null check (limit_micro_usd >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index budgets_scope on budgets (project_id, coalesce(api_key_id, ''), period);
