import type { JSONValue } from '@vgw/spec';
import { placeholderPattern } from './comfyui-workflow.js';

export type PlaceholderValues = Record<string, string | number | boolean>;

const wholePlaceholder = /^\{\{\s*([A-Za-z_][\w-]*)\s*\}\}$/;

function substituteString(text: string, values: PlaceholderValues): JSONValue {
  // A string that is only a placeholder takes the value's own type: ComfyUI validates a seed
  // or a width as a number, and "42" would fail its validation.
  const whole = wholePlaceholder.exec(text);
  if (whole != null) {
    const value = values[whole[1] as string];
    if (value != null) return value;
  }
  return text.replace(placeholderPattern, (match, name: string) => {
    const value = values[name];
    return value != null ? String(value) : match;
  });
}

/**
 * The template with every `{{name}}` in its string values replaced (keys and node links stay
 * as they are). Values are inserted into parsed JSON, never into JSON text, so a prompt with
 * quotes or braces cannot change the graph. Unknown placeholders are left for the caller to report.
 */
export function substitutePlaceholders(value: JSONValue, values: PlaceholderValues): JSONValue {
  if (typeof value === 'string') return substituteString(value, values);
  if (Array.isArray(value)) return value.map((item) => substitutePlaceholders(item, values));
  if (value != null && typeof value === 'object') {
    const result: Record<string, JSONValue> = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = substitutePlaceholders(item, values);
    }
    return result;
  }
  return value;
}
