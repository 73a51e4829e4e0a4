import { describe, expect, it } from 'vitest';
import { createRefusal, OnceLedger, statusSabotage, triggersIn } from './emulator-triggers.js';

describe('createRefusal', () => {
  it('rate-limits every [429] create', () => {
    const once = new OnceLedger();
    expect(createRefusal(once, 'busy [429]')).toBe('rate_limited');
    expect(createRefusal(once, 'busy [429]')).toBe('rate_limited');
  });

  it('rate-limits a [429-once] prompt the first time only, per prompt', () => {
    const once = new OnceLedger();
    expect(createRefusal(once, 'a [429-once]')).toBe('rate_limited');
    expect(createRefusal(once, 'a [429-once]')).toBeNull();
    expect(createRefusal(once, 'b [429-once]')).toBe('rate_limited');
  });

  it('fails a [500-once] prompt the first time only', () => {
    const once = new OnceLedger();
    expect(createRefusal(once, 'a [500-once]')).toBe('server_error');
    expect(createRefusal(once, 'a [500-once]')).toBeNull();
  });

  it('spends [500-once] only after [429-once] let the create through', () => {
    const once = new OnceLedger();
    const prompt = 'both [429-once] [500-once]';
    expect(createRefusal(once, prompt)).toBe('rate_limited');
    expect(createRefusal(once, prompt)).toBe('server_error');
    expect(createRefusal(once, prompt)).toBeNull();
  });

  it('leaves [500-once] unspent while [429] refuses', () => {
    const once = new OnceLedger();
    expect(createRefusal(once, 'x [429] [500-once]')).toBe('rate_limited');
    expect(once.firstTime('500:x [429] [500-once]')).toBe(true);
  });

  it('keys the ledger as 429:<prompt> and 500:<prompt>', () => {
    const once = new OnceLedger();
    once.firstTime('429:a [429-once]');
    once.firstTime('500:b [500-once]');
    expect(createRefusal(once, 'a [429-once]')).toBeNull();
    expect(createRefusal(once, 'b [500-once]')).toBeNull();
  });

  it('lets other prompts through', () => {
    const once = new OnceLedger();
    expect(createRefusal(once, 'a calm sea')).toBeNull();
    expect(createRefusal(once, 'a calm sea [flap] [garbage] [fail]')).toBeNull();
    expect(createRefusal(once, 'not a trigger: 429')).toBeNull();
  });
});

describe('statusSabotage', () => {
  const check = (prompt: string, checks: number) =>
    statusSabotage({ triggers: triggersIn(prompt), checks });

  it('flaps on even counts only', () => {
    expect([0, 1, 2, 3, 4].map((checks) => check('x [flap]', checks))).toEqual([
      'flap',
      null,
      'flap',
      null,
      'flap',
    ]);
  });

  it('answers garbage on every check', () => {
    expect([0, 1, 2].map((checks) => check('x [garbage]', checks))).toEqual([
      'garbage',
      'garbage',
      'garbage',
    ]);
  });

  it('puts a flap before garbage', () => {
    expect(check('x [flap] [garbage]', 2)).toBe('flap');
    expect(check('x [flap] [garbage]', 3)).toBe('garbage');
  });

  it('leaves checks without status triggers alone', () => {
    expect(check('a calm sea', 2)).toBeNull();
    expect(check('x [429] [500-once] [no-url]', 2)).toBeNull();
  });
});
