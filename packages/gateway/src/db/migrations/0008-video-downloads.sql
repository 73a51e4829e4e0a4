-- When the video file was first served (a GET of the `video` variant; HEAD and thumbnails do not
-- count). Null means nobody has downloaded the video: `vgw usage` reports what such videos cost.
alter table videos add column first_downloaded_at timestamptz;
