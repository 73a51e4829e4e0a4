-- Automatic temporal-stability scores: one row per video, its own queue (ADR 0007). The row is
-- inserted by the statement that marks the video completed, so no crash can lose the job.
create table video_scores (
  video_id text primary key references videos (id) on delete cascade,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'completed', 'failed')),
  -- Claims made so far, counted when claimed (a worker that dies mid-score used one).
  attempts integer not null default 0,
  locked_by text,
  locked_until timestamptz,
  next_attempt_at timestamptz not null default now(),
  result jsonb,
  error_code text,
  error_message text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);

create index video_scores_due on video_scores (next_attempt_at, video_id)
  where status in ('queued', 'running');
