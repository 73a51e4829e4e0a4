import { describe, expect, it } from 'vitest';
import { llamaGuardFindings, parseLlamaGuardAnswer } from './llama-guard-answer.js';

describe('parseLlamaGuardAnswer', () => {
  it.each([
    ['safe', { safe: true }],
    ['  Safe \n', { safe: true }],
    ['unsafe\nS1', { safe: false, codes: ['S1'] }],
    ['unsafe\nS1,S10', { safe: false, codes: ['S1', 'S10'] }],
    ['UNSAFE\n s4 , S12 ', { safe: false, codes: ['S4', 'S12'] }],
    ['unsafe S3 S3', { safe: false, codes: ['S3'] }],
    ['unsafe\nS01', { safe: false, codes: ['S1'] }],
    ['unsafe', { safe: false, codes: [] }],
    ['unsafe\n', { safe: false, codes: [] }],
  ])('reads %j', (answer, verdict) => {
    expect(parseLlamaGuardAnswer(answer)).toEqual(verdict);
  });

  it.each([
    '',
    'I think this is safe',
    'safely done',
    'safe\nS1',
    'unsafe\nbecause it shows violence',
    'unsafes',
    'The prompt is unsafe',
  ])('refuses to read %j', (answer) => {
    expect(parseLlamaGuardAnswer(answer)).toBeNull();
  });
});

describe('llamaGuardFindings', () => {
  it('allows safe, and files a bare unsafe under the given category', () => {
    expect(llamaGuardFindings({ safe: true }, 'weapons')).toEqual([]);
    expect(llamaGuardFindings({ safe: false, codes: [] }, 'hate')).toEqual([
      { ruleId: 'llama-guard.unsafe', category: 'hate', effect: 'block', score: 1 },
    ]);
  });
});
