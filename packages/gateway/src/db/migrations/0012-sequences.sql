-- A sequence: an ordered cut of completed videos at one rate, size and start timecode.
-- The clips are one jsonb array ([{video_id, in, out, track}], in record order) rather than a
-- child table: a cut is always read, validated and replaced whole, its order is its meaning,
-- and nothing queries across clips; a child table would only add renumbering on every insert.
-- No foreign key to videos either way: a video deleted after it was cut in must stay visible
-- as a clip, so the export can name it instead of pointing a timeline at nothing.
-- The start is kept as the label the user chose (01:00:00:00): its frame count depends on the
-- rate, and a rate change keeps the label.
create table sequences (
  id text primary key,
  project_id text not null references projects (id),
  name text not null,
  rate_numerator integer not null check (rate_numerator > 0),
  rate_denominator integer not null check (rate_denominator > 0),
  timecode text not null check (timecode in ('NDF', 'DF')),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  start_timecode text not null,
  clips jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index sequences_project_created on sequences (project_id, created_at, id);
