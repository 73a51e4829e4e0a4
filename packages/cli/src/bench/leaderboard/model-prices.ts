import { z } from 'zod';

const priceSchema = z.object({
  microUsdPerSecond: z.number().min(0),
  bySize: z.record(z.string(), z.number().min(0)).optional(),
});

/**
 * The part of `GET /v1/engines` the bench needs. Engines are passed through loosely by the API,
 * so anything without a readable price is simply left out (its runs get no cost).
 */
const engineListSchema = z.object({
  data: z.array(
    z.looseObject({
      id: z.string(),
      capabilities: z.looseObject({ price: z.unknown() }).optional(),
    }),
  ),
});

export type ModelPrice = z.infer<typeof priceSchema>;

/** Model id → list price, from the body of `GET /v1/engines`. */
export function modelPrices(body: unknown): Map<string, ModelPrice> {
  const prices = new Map<string, ModelPrice>();
  const parsed = engineListSchema.safeParse(body);
  if (!parsed.success) return prices;
  for (const engine of parsed.data.data) {
    const price = priceSchema.safeParse(engine.capabilities?.price);
    if (price.success) prices.set(engine.id, price.data);
  }
  return prices;
}

/** The list price of `seconds` of video at `size`, in integer micro-USD. */
export function listPriceMicroUsd(price: ModelPrice, size: string | null, seconds: number): number {
  const perSecond = (size != null ? price.bySize?.[size] : undefined) ?? price.microUsdPerSecond;
  return Math.round(perSecond * seconds);
}
