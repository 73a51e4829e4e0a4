import { describe, expect, it } from 'vitest';
import { foldWithBuiltinMap, loadConfusableFolder } from './fold-confusables.js';

describe('loadConfusableFolder', () => {
  it('loads decancer here and folds Cyrillic, Greek and dotless-i homoglyphs', () => {
    const folder = loadConfusableFolder();
    expect(folder.engine).toBe('decancer');
    expect(folder.fold('Ѕрıdеrmаn')).toBe('spiderman');
    expect(folder.fold('ΡΙΚΑϹΗU')).toBe('pikachu');
  });

  it('keeps German ß as ss rather than decancer b', () => {
    expect(loadConfusableFolder().fold('Straße')).toBe('strasse');
  });

  it('falls back to the built-in map where the native module does not load', () => {
    const folder = loadConfusableFolder(() => {
      throw new Error('no binary for this platform');
    });
    expect(folder.engine).toBe('builtin');
    expect(folder.fold('Ѕрıdеrmаn')).toBe('spiderman');
  });
});

describe('foldWithBuiltinMap', () => {
  it('lowercases and strips accents', () => {
    expect(foldWithBuiltinMap('NIÑA Ѕеху')).toBe('nina sexy');
  });
});
