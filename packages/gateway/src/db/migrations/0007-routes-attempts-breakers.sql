-- Routes: a client may name a route (config `routes.<name>`) as its `model`. `model` and
-- `provider` stay the target the current attempt renders on (what workers resolve and claim by);
-- `route` is the name the client asked for, shown as the video's `model`.
alter table videos add column route text;
-- Which attempt is current: each fallback or re-roll is a new attempt with its own reservation.
alter table videos add column attempt integer not null default 1 check (attempt >= 1);
-- The route's remaining targets in the order they would be tried, each with its own checked
-- parameters and estimate, fixed at create so a replay or a config edit never changes them.
alter table videos add column route_plan jsonb;
-- Rendered and stored, but held in_progress until its score is in: the route's quality gate
-- decides then whether it completes or re-renders on the next target.
alter table videos add column awaiting_gate boolean not null default false;
-- The operator's provider options for the current target; the request's own override them.
alter table videos add column target_options jsonb not null default '{}';

-- One row per try at rendering a video. Money lives in ledger_entries (keyed by the same
-- video and number); these columns are what the video object shows of each attempt.
create table video_attempts (
  video_id text not null references videos (id) on delete cascade,
  number integer not null check (number >= 1),
  model text not null,
  provider text not null,
  status text not null default 'in_progress'
    check (status in ('in_progress', 'completed', 'failed', 'rejected')),
  error jsonb,
  estimate_micro_usd bigint,
  cost_micro_usd bigint,
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  primary key (video_id, number)
);

insert into video_attempts (video_id, number, model, provider, status, error,
  estimate_micro_usd, cost_micro_usd, started_at, ended_at)
select id, 1, model, provider,
  case when status in ('completed', 'failed') then status else 'in_progress' end,
  error, estimate_micro_usd, actual_micro_usd, created_at,
  case when status in ('completed', 'failed') then coalesce(completed_at, created_at) end
from videos;

-- Circuit breakers, one per target model, shared by every process on the database. Open while
-- `open_until` is in the future; after it, half-open: one video (the probe, held until
-- `probe_until`) may try the model, and its outcome closes or reopens the breaker.
create table engine_breakers (
  model text primary key,
  consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
  open_until timestamptz,
  probe_until timestamptz,
  last_error text,
  updated_at timestamptz not null default now()
);
