-- Status checks that failed in a row: a provider that answers garbage forever ends the video
-- with its own error instead of waiting for the deadline.
alter table videos add column consecutive_check_failures integer not null default 0;
