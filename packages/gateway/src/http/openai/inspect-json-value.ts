import { InvalidRequestError } from '@vgw/spec';
import { keyProblem, textProblem } from './request-text.js';

export interface JsonLimits {
  /** Objects and arrays inside one another, counting the value itself as depth 1. */
  maxDepth: number;
  /** Bytes of the value serialized as JSON (UTF-8). */
  maxBytes: number;
}

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

function childPath(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`;
}

function refuse(path: string, message: string): never {
  throw new InvalidRequestError(`${path} ${message}`, path, 'invalid_value');
}

function childrenOf(item: Pending): Pending[] {
  const { value, path, depth } = item;
  if (Array.isArray(value)) {
    return value.map((child, index) => ({
      value: child,
      path: childPath(path, index),
      depth: depth + 1,
    }));
  }
  const children: Pending[] = [];
  for (const [key, child] of Object.entries(value as object)) {
    const problem = keyProblem(key);
    if (problem != null) refuse(path, problem);
    children.push({ value: child, path: childPath(path, key), depth: depth + 1 });
  }
  return children;
}

/**
 * Walks a parsed JSON value without recursion (a 100,000-level body must not overflow the stack
 * here or later in JSON.stringify), refusing what the database or an object could not hold
 * safely, and naming the deepest path at fault. Returns the value's serialized size.
 */
export function inspectJsonValue(value: unknown, param: string, limits: JsonLimits): number {
  const stack: Pending[] = [{ value, path: param, depth: 1 }];
  while (stack.length > 0) {
    const item = stack.pop() as Pending;
    if (typeof item.value === 'string') {
      const problem = textProblem(item.value);
      if (problem != null) refuse(item.path, problem);
    } else if (item.value != null && typeof item.value === 'object') {
      if (item.depth > limits.maxDepth) {
        refuse(param, `is nested more than ${limits.maxDepth} levels deep`);
      }
      for (const child of childrenOf(item)) stack.push(child);
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '');
  if (bytes > limits.maxBytes) {
    refuse(param, `is ${bytes} bytes as JSON; at most ${limits.maxBytes} are accepted`);
  }
  return bytes;
}
