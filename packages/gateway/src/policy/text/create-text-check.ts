import type { CheckOutcome } from '../policy-types.js';
import { compileTextPack } from './compile-text-pack.js';
import { compileMinorAge } from './detect-minor-age.js';
import { loadFrequentEnglishWords } from './english-words.js';
import { evaluateCombinations } from './evaluate-combinations.js';
import type { ConfusableFolder } from './fold-confusables.js';
import { loadConfusableFolder } from './fold-confusables.js';
import type { PolicyPack } from './policy-pack-schema.js';
import { findTextHits, termFindings } from './screen-text.js';
import type { TextAllowlist } from './text-allowlist.js';

export interface TextCheckOptions {
  /** Milliseconds from a monotonic clock, for latencyMs; performance.now by default. */
  now?: () => number;
  /** Longer prompts are not screened and the check errors (the text check fails closed). */
  maxCharacters?: number;
  /** Homoglyph folding; decancer when its native binary loads, a built-in map otherwise. */
  fold?: ConfusableFolder;
}

export interface TextCheck {
  id: string;
  version: string;
  /** Which homoglyph folder the check runs with, for the startup log. */
  folder: 'decancer' | 'builtin' | 'injected';
  screen(text: string, context: { allowlist: TextAllowlist }): CheckOutcome;
}

export const textCheckId = 'text.rules';

/**
 * The offline text check: the pack is compiled once here, and each screen reads maps only. An
 * allowlist can downgrade a protected entity's own finding; it is ignored for minors and sexual
 * findings even if config let such an id through.
 */
export function createTextCheck(pack: PolicyPack, options: TextCheckOptions = {}): TextCheck {
  const loaded =
    options.fold != null
      ? { fold: options.fold, engine: 'injected' as const }
      : loadConfusableFolder();
  const compiled = compileTextPack(pack, loaded.fold);
  const minorAge =
    pack.minorAge != null ? compileMinorAge(pack.minorAge, loadFrequentEnglishWords()) : null;
  const now = options.now ?? (() => performance.now());
  const maxCharacters = options.maxCharacters ?? 20_000;
  const base = {
    checkId: textCheckId,
    checkVersion: pack.version,
    stage: 'pre' as const,
    param: 'prompt' as const,
  };
  return {
    id: textCheckId,
    version: pack.version,
    folder: loaded.engine,
    screen(text, context) {
      const started = now();
      if (text.length > maxCharacters) {
        const error = `prompt has ${text.length} characters; the text check screens at most ${maxCharacters}`;
        return { ...base, findings: [], scores: {}, latencyMs: now() - started, error };
      }
      const allowlisted = new Set(context.allowlist.entityIds);
      const hits = findTextHits(compiled, minorAge, text);
      // Entities are never minors or sexual (the schema says so), so allowlisting cannot lift those.
      const findings = termFindings(hits, compiled, allowlisted);
      // Combinations first: they are the more specific reason, and the verdict names the first block.
      findings.unshift(...evaluateCombinations(compiled, findings));
      const blocking = findings.filter((finding) => finding.effect === 'block').length;
      return {
        ...base,
        findings,
        scores: { 'text.findings': findings.length, 'text.blocking': blocking },
        latencyMs: now() - started,
      };
    },
  };
}
