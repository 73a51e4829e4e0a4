import type { MinorAgeRule } from './policy-pack-schema.js';
import { boundedDamerauLevenshtein } from './damerau-levenshtein.js';
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

/** A word of five letters or more, outside everyday English, one edit from one of `known`. */
function misspeltAs(word: string, known: readonly string[], guard: ReadonlySet<string>): number {
  if (word.length < 4 || guard.has(word) || /\d/.test(word)) return -1;
  return known.findIndex(
    (target) => target.length >= 4 && boundedDamerauLevenshtein(word, target, 1) <= 1,
  );
}

function ageOf(word: string, minorAge: CompiledMinorAge): number | null {
  if (/^\d{1,2}$/.test(word)) return Number(word);
  const index = numberWords.indexOf(word);
  if (index >= 0) return index;
  // "twelvr": a typo of a number word of five letters or more ("tree" is not "three").
  const misspelt = word.length >= 5 ? misspeltAs(word, numberWords, minorAge.guard) : -1;
  return misspelt >= 0 ? misspelt : null;
}

function isUnit(word: string | undefined, minorAge: CompiledMinorAge): boolean {
  if (word == null) return false;
  return minorAge.units.has(word) || misspeltAs(word, minorAge.unitList, minorAge.guard) >= 0;
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
  unitList: readonly string[];
  /** Words too ordinary to be typos of a number or a unit ("there" is not "three"). */
  guard: ReadonlySet<string>;
}

export function compileMinorAge(
  rule: MinorAgeRule,
  guard: ReadonlySet<string> = new Set(),
): CompiledMinorAge {
  const units = new Set(rule.units.flatMap((unit) => tokenize(rawLowerForm(unit))));
  return { rule, units, unitList: [...units], guard };
}

/**
 * Whether the words state an age below the pack's limit: "12 year old", "twelve-year-old",
 * "13yo", "aged 9", "age 15", "under 12", "12 años", and typos of the words ("twelvr yeae old"). Numbers without a unit ("5 kids", "3 girls") are counts.
 */
export function statesMinorAge(words: string[], minorAge: CompiledMinorAge): boolean {
  const below = minorAge.rule.below;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const glued = gluedAge(word, minorAge.units);
    if (glued != null && glued < below) return true;
    const age = ageOf(word, minorAge);
    if (age != null && age < below && isUnit(words[index + 1], minorAge)) return true;
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
