-- Signed webhooks seen recently, by the sender's delivery id: a replayed message is acted on
-- once. Rows outlive the signature window (300 s) and are pruned as new ones arrive.
create table webhook_receipts (
  provider text not null,
  delivery_id text not null,
  received_at timestamptz not null default now(),
  primary key (provider, delivery_id)
);
create index webhook_receipts_received on webhook_receipts (received_at);

-- When a webhook last brought the video's status check forward: forged or repeated webhooks
-- for one render cause at most one extra check per interval.
alter table videos add column woken_at timestamptz;
