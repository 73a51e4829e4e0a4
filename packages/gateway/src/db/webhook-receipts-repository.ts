import type { Queryable } from './queryable.js';

/** Longer than any signature window (standard webhooks: 300 s), so a replay is always caught. */
const receiptRetention = "interval '15 minutes'";

/**
 * Records a signed webhook's delivery id; false when it was already recorded (a replay). Old
 * receipts are pruned in the same statement, so the table stays as small as the traffic of the
 * last few minutes.
 */
export async function recordWebhookReceipt(
  client: Queryable,
  args: { provider: string; deliveryId: string },
): Promise<boolean> {
  const result = await client.query<{ inserted: boolean }>(
    `with pruned as (
       delete from webhook_receipts where received_at < now() - ${receiptRetention}),
     inserted as (
       insert into webhook_receipts (provider, delivery_id) values ($1, $2)
       on conflict do nothing
       returning 1)
     select exists (select 1 from inserted) as inserted`,
    [args.provider, args.deliveryId],
  );
  return result.rows[0]?.inserted === true;
}
