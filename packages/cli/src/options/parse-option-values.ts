import { InvalidArgumentError } from 'commander';

/** Commander calls these with the raw text; a thrown InvalidArgumentError becomes exit 2. */

export function parsePositiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new InvalidArgumentError('expected a whole number of 1 or more.');
  }
  return Number(value);
}

export function parseNonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a whole number of 0 or more.');
  }
  return Number(value);
}

export function parsePositiveNumber(value: string): number {
  const parsed = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(parsed > 0)) {
    throw new InvalidArgumentError('expected a number greater than 0.');
  }
  return parsed;
}

export function parsePort(value: string): number {
  const parsed = parseNonNegativeInteger(value);
  if (parsed > 65_535) throw new InvalidArgumentError('expected a port from 0 to 65535.');
  return parsed;
}

export function parseSize(value: string): string {
  if (!/^[1-9]\d*x[1-9]\d*$/.test(value)) {
    throw new InvalidArgumentError('expected WIDTHxHEIGHT, e.g. 1280x720.');
  }
  return value;
}
