import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runVgw } from './test-support/spawn-vgw.js';

// The real binary: tsx start-up, PGlite and an ffmpeg render on two cores.
const e2eTimeoutMs = 240_000;
const directories: string[] = [];

async function freshDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'vgw-guardrails-e2e-'));
  directories.push(directory);
  return directory;
}

afterAll(async () => {
  await Promise.all(
    directories.map((directory) => rm(directory, { recursive: true, force: true })),
  );
});

describe('vgw binary, guardrails', () => {
  it(
    'refuses to start on a broken policy file, naming the file and line',
    async () => {
      const cwd = await freshDirectory();
      await writeFile(join(cwd, 'policy.yaml'), 'version: "x"\nlexicons:\n  - rule: [unclosed\n');
      await writeFile(
        join(cwd, 'vgw.config.json'),
        JSON.stringify({ policy: { file: 'policy.yaml' } }),
      );
      const result = await runVgw(['generate', 'a boat', '--seconds', '2', '--size', '320x240'], {
        cwd,
      });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/policy\.yaml:\d+/);
    },
    e2eTimeoutMs,
  );

  it(
    'refuses a prompt with its rule, then signs a render that verify reads back; the audit verifies',
    async () => {
      const cwd = await freshDirectory();
      const refused = await runVgw(
        ['generate', 'Darth Vader surfing', '--seconds', '2', '--size', '320x240'],
        { cwd },
      );
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toContain('the prompt was refused by policy');
      expect(refused.stderr).toContain('character.darth-vader');
      expect(refused.stderr).toContain('(param: prompt)');

      const made = await runVgw(
        [
          'generate',
          'a paper boat on a pond',
          '--seconds',
          '2',
          '--size',
          '320x240',
          '-o',
          'boat.mp4',
          '--json',
        ],
        { cwd },
      );
      expect(made.exitCode).toBe(0);
      expect(JSON.parse(made.stdout)).toMatchObject({
        status: 'completed',
        provenance: { c2pa: 'embedded' },
      });
      const verified = await runVgw(['verify', 'boat.mp4', '--json'], { cwd });
      expect(verified.exitCode).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ status: 'valid' });

      const bytes = await readFile(join(cwd, 'boat.mp4'));
      const mdat = bytes.indexOf('mdat');
      bytes[mdat + 64] = (bytes[mdat + 64] as number) ^ 0xff;
      await writeFile(join(cwd, 'edited.mp4'), bytes);
      const tampered = await runVgw(['verify', 'edited.mp4'], { cwd });
      expect(tampered.exitCode).toBe(1);

      const audit = await runVgw(['audit', 'verify', '--json'], { cwd });
      expect(audit.exitCode).toBe(0);
      expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true, records: 3 });
      const refusals = await runVgw(['audit', 'list', '--decision', 'refused', '--json'], { cwd });
      const listed = JSON.parse(refusals.stdout) as { data: { rules: string[] }[] };
      expect(listed.data).toHaveLength(1);
      expect(listed.data[0]?.rules).toContain('character.darth-vader');
    },
    e2eTimeoutMs,
  );
});
