-- Storyboards: a shot list rendered as videos and stitched into one MP4. The row is its own job
-- (leased like video_scores); the shots' videos are ordinary videos, created with an
-- idempotency key per shot, so a retried pass never makes or bills a shot twice.
create table storyboards (
  id text primary key,
  project_id text not null references projects (id),
  api_key_id text,
  name text,
  -- The request as validated (images as stored blobs) and each shot's plan at create.
  spec jsonb not null,
  status text not null default 'queued'
    check (status in ('queued', 'rendering', 'stitching', 'scoring', 'completed', 'failed')),
  estimate_micro_usd bigint not null check (estimate_micro_usd >= 0),
  settled_micro_usd bigint,
  stitched_sha256 text,
  stitched_bytes bigint,
  -- How the stitch was made: concat copy or with normalised shots, frames, duration.
  stitch jsonb,
  seam_scores jsonb,
  sequence_id text,
  -- The create's Idempotency-Key and a digest of its body: a retried create gets this row back.
  idempotency_key text,
  request_hash text,
  error_code text,
  error_message text,
  error_shot integer,
  attempts integer not null default 0,
  locked_by text,
  locked_until timestamptz,
  next_attempt_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);

create index storyboards_project on storyboards (project_id, created_at, id);
create unique index storyboards_idempotency on storyboards (project_id, idempotency_key)
  where idempotency_key is not null;
create index storyboards_due on storyboards (next_attempt_at, id)
  where status in ('queued', 'rendering', 'stitching', 'scoring');

-- One row per shot from the start; `video_id` once its video exists. `seen_status` is the
-- video's status when the storyboard last looked, so a changed shot makes the storyboard due.
create table storyboard_shots (
  storyboard_id text not null references storyboards (id) on delete cascade,
  shot_index integer not null check (shot_index >= 0),
  video_id text references videos (id),
  seen_status text,
  primary key (storyboard_id, shot_index)
);

create index storyboard_shots_video on storyboard_shots (video_id) where video_id is not null;
