/** Money is integer micro-USD everywhere inside vgw; these are its two edges. */
export const microUsdPerUsd = 1_000_000;

/** `400000` → `"0.400000"`: the string form the API gives money in, exact to the micro-dollar. */
export function formatUsd(microUsd: number): string {
  if (!Number.isSafeInteger(microUsd)) throw new RangeError(`not an integer amount: ${microUsd}`);
  const sign = microUsd < 0 ? '-' : '';
  const magnitude = Math.abs(microUsd);
  const whole = Math.floor(magnitude / microUsdPerUsd);
  const fraction = String(magnitude % microUsdPerUsd).padStart(6, '0');
  return `${sign}${whole}.${fraction}`;
}

/** A USD amount from config or a command line, rounded to the nearest micro-dollar. */
export function usdToMicroUsd(usd: number): number {
  return Math.round(usd * microUsdPerUsd);
}
