-- People's ratings of finished videos: one per API key and video (a second rating by the same key
-- replaces the first), the input a curated dataset export filters on. Tags are a jsonb array of
-- short slugs so a tag filter is one containment test. The embedded CLI has no key: its ratings
-- share the null key, so one local user also rates each video once.
create table video_ratings (
  id bigint generated always as identity primary key,
  video_id text not null references videos (id) on delete cascade,
  api_key_id text references api_keys (id),
  score smallint not null check (score between 1 and 5),
  tags jsonb not null default '[]' check (jsonb_typeof(tags) = 'array'),
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create unique index video_ratings_one_per_key on video_ratings (video_id, coalesce(api_key_id, ''));
