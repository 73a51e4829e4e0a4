import { createRequire } from 'node:module';
import { dropCombiningMarks } from './strip-invisible.js';

/** Folds homoglyphs and fancy scripts to plain lowercase Latin. */
export type ConfusableFolder = (text: string) => string;

const latinLookalikes: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  ı: 'i',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ß: 'ss',
};

/** The fallback where decancer's native binary is missing for the platform: a small map. */
export function foldWithBuiltinMap(text: string): string {
  const lower = dropCombiningMarks(text.toLowerCase());
  let folded = '';
  for (const character of lower) folded += latinLookalikes[character] ?? character;
  return folded;
}

interface DecancerModule {
  (text: string): { toString(): string };
}

/**
 * decancer (MIT) measured best on homoglyphs and fancy scripts (guardrails.md 3.1). It is a
 * native N-API module delivered as per-platform optional packages, so a platform without one
 * falls back to the built-in map instead of failing to start.
 */
export function loadConfusableFolder(
  load: () => unknown = () => createRequire(import.meta.url)('decancer'),
): { fold: ConfusableFolder; engine: 'decancer' | 'builtin' } {
  let decancer: DecancerModule;
  try {
    decancer = load() as DecancerModule;
    decancer('probe');
  } catch {
    return { fold: foldWithBuiltinMap, engine: 'builtin' };
  }
  const fold: ConfusableFolder = (text) => {
    // decancer maps ß to b; German text must keep reading as ss.
    const folded = decancer(text.replace(/ß/g, 'ss')).toString();
    return dropCombiningMarks(folded);
  };
  return { fold, engine: 'decancer' };
}
