import type { Engine } from '@vgw/sdk';
import { renderTable } from './render-table.js';

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields {
  return value != null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '-';
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.map(text).join(',') : '-';
}

// Capabilities belong to the gateway's registry and may grow; unknown shapes print as "-".
function describeDurations(durations: Fields): string {
  if (durations.kind === 'set') return list(durations.seconds);
  if (durations.kind === 'range') return `${text(durations.min)}-${text(durations.max)}`;
  return '-';
}

function describeSizes(sizes: Fields): string {
  if (sizes.kind === 'set' && Array.isArray(sizes.values) && sizes.values.length > 3) {
    // Long lists (Luma's 28 sizes) would swamp the table; --json has them all.
    return `${list(sizes.values.slice(0, 2))},… (${sizes.values.length})`;
  }
  if (sizes.kind === 'set') return list(sizes.values);
  if (sizes.kind !== 'range') return '-';
  const smallest = `${text(sizes.minWidth)}x${text(sizes.minHeight)}`;
  const range = `${smallest}-${text(sizes.maxWidth)}x${text(sizes.maxHeight)}`;
  return sizes.maxPixels == null ? range : `${range},≤${text(sizes.maxPixels)}px`;
}

function describeFps(fps: Fields): string {
  if (Array.isArray(fps.values)) return list(fps.values);
  if (fps.min != null) return `${text(fps.min)}-${text(fps.max)}`;
  return '-';
}

function describePrice(price: Fields): string {
  const micro = price.microUsdPerSecond;
  return typeof micro === 'number' ? `$${(micro / 1_000_000).toFixed(3)}` : '-';
}

const count = (failures: number) => `${failures} ${failures === 1 ? 'failure' : 'failures'}`;

function describeHealth(health: Fields): string {
  const state = text(health.state);
  const failures =
    typeof health.consecutive_failures === 'number' ? health.consecutive_failures : 0;
  if (state === 'open' && typeof health.open_until === 'number') {
    return `open until ${new Date(health.open_until * 1000).toISOString()} (${count(failures)})`;
  }
  return failures > 0 ? `${state} (${count(failures)})` : state;
}

/** `vgw engines` without --json: one row per model the gateway serves. */
export function renderEngineTable(engines: readonly Engine[]): string {
  const rows = engines.map((engine) => {
    const capabilities = fieldsOf(engine.capabilities);
    return [
      text(engine.id),
      engine.configured === false ? 'no' : 'yes',
      engine.default === true ? 'yes' : '',
      describeDurations(fieldsOf(capabilities.durations)),
      describeSizes(fieldsOf(capabilities.sizes)),
      describeFps(fieldsOf(capabilities.fps)),
      describePrice(fieldsOf(capabilities.price)),
      describeHealth(fieldsOf(engine.health)),
    ];
  });
  return renderTable(
    ['id', 'configured', 'default', 'seconds', 'sizes', 'fps', 'usd/s', 'health'],
    rows,
  );
}
