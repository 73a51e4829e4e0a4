import type { MinorAgeRule } from './policy-pack-schema.js';
import { rawLowerForm } from './strip-invisible.js';
import { tokenize } from './tokenize-text.js';

const numberWords = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];

function ageOf(word: string): number | null {
  if (/^\d{1,2}$/.test(word)) return Number(word);
  const index = numberWords.indexOf(word);
  return index >= 0 ? index : null;
}

/** `13yo`, `12yrs`, `9yearold`: a number glued to its unit. */
function gluedAge(word: string, units: ReadonlySet<string>): number | null {
  const match = /^(\d{1,2})(\p{L}+)$/u.exec(word);
  if (match == null) return null;
  const unit = match[2]!;
  const known = units.has(unit) || units.has(unit.replace(/old$/, ''));
  return known ? Number(match[1]) : null;
}

export interface CompiledMinorAge {
  rule: MinorAgeRule;
  units: ReadonlySet<string>;
}

export function compileMinorAge(rule: MinorAgeRule): CompiledMinorAge {
  const units = new Set(rule.units.flatMap((unit) => tokenize(rawLowerForm(unit))));
  return { rule, units };
}

/**
 * Whether the words state an age below the pack's limit: "12 year old", "twelve-year-old",
 * "13yo", "aged 9", "age 15", "under 12", "12 años". Numbers without a unit ("5 kids", "3 girls") are counts.
 */
export function statesMinorAge(words: string[], minorAge: CompiledMinorAge): boolean {
  const below = minorAge.rule.below;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const glued = gluedAge(word, minorAge.units);
    if (glued != null && glued < below) return true;
    const age = ageOf(word);
    const next = words[index + 1];
    if (age != null && age < below && next != null && minorAge.units.has(next)) return true;
    const previous = words[index - 1];
    if (
      age != null &&
      age < below &&
      (previous === 'aged' || previous === 'age' || previous === 'under')
    )
      return true;
  }
  return false;
}
