-- What ffprobe found in a stored video file, kept per blob: a stored blob never changes, so one
-- probe serves every timeline, package and dataset that uses it. Rates are kept as the stream
-- states them (24000/1001), never as a float, so exports stay frame-exact.
create table media_probes (
  sha256 text primary key,
  frames integer not null check (frames >= 0),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  rate_numerator integer not null check (rate_numerator > 0),
  rate_denominator integer not null check (rate_denominator > 0),
  has_audio boolean not null,
  probed_at timestamptz not null default now()
);
