import { describe, expect, it } from 'vitest';
import { jobDirectoryName } from './job-directory.js';

describe('jobDirectoryName', () => {
  it('keeps a clean key as it is', () => {
    expect(jobDirectoryName('start_01HZ-abc')).toBe('start_01HZ-abc');
  });

  it('cleans other keys and keeps distinct keys distinct', () => {
    const dotted = jobDirectoryName('a.b');
    const underscored = jobDirectoryName('a/b');
    expect(dotted).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(underscored).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(dotted).not.toBe(underscored);
    expect(jobDirectoryName('../../etc/passwd')).not.toContain('.');
  });

  it('bounds the length of long keys', () => {
    expect(jobDirectoryName('k'.repeat(500)).length).toBeLessThanOrEqual(80);
  });
});
