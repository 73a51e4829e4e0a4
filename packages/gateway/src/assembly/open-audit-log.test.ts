import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { openDatabase } from '../db/open-database.js';
import { promptHmac } from '../db/prompt-hmac.js';
import { useScratchDirectory } from '../test-support/scratch-directory.js';
import { auditKeyPath, loadOrCreateAuditKey, readAuditKey } from './audit-key-file.js';
import { AuditKeyMissingError, configuredKeySource, openAuditLog } from './open-audit-log.js';

const scratch = useScratchDirectory('vgw-audit-log-');

const record = {
  id: 'audit_1',
  projectId: 'proj_a',
  operation: 'create',
  stage: 'pre',
  decision: 'refused',
  policyVersion: '1',
} as const;

describe('audit key file', () => {
  it('is made once, owner-only, and read back the same by racing processes', async () => {
    const path = join(scratch.path, 'race', 'audit.key');
    const keys = await Promise.all(Array.from({ length: 5 }, () => loadOrCreateAuditKey(path)));

    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(1);
    expect(keys[0]).toHaveLength(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readFile(path, 'utf8')).trim()).toBe(keys[0]?.toString('hex'));
    expect(await readAuditKey(path)).toEqual(keys[0]);
  });

  it('is null when absent and refused when it is not a key', async () => {
    expect(await readAuditKey(scratch.file('none.key'))).toBeNull();
    await writeFile(scratch.file('short.key'), 'abcd\n');
    await expect(readAuditKey(scratch.file('short.key'))).rejects.toThrow(
      /short\.key: not an audit key/,
    );
  });
});

describe('openAuditLog', () => {
  it('appends and verifies with the key in the data dir, and reads without making one', async () => {
    const config = configSchema.parse({ dataDir: join(scratch.path, 'gateway') });
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      const reader = await openAuditLog({ config, database }, { create: false });
      expect(await reader.verify()).toEqual({ ok: true, projects: 0, records: 0 });
      expect(await readAuditKey(reader.keyPath)).toBeNull();
      await expect(reader.append(database, record)).rejects.toThrow(AuditKeyMissingError);

      const writer = await openAuditLog({ config, database }, { create: true });
      expect(writer.keyPath).toBe(auditKeyPath(config.dataDir));
      expect(await writer.append(database, record)).toMatchObject({ sequence: 1 });
      const key = (await readAuditKey(writer.keyPath)) as Buffer;
      expect(writer.promptHmac('a cat')).toBe(promptHmac(key, 'a cat'));
      expect(await writer.projectId('proj_a')).toBe('proj_a');
      expect(await writer.projectId('nobody')).toBeNull();

      // Rows, but the key is gone: verify names the file instead of calling every row edited.
      expect(await (await openAuditLog({ config, database }, { create: false })).verify()).toEqual({
        ok: true,
        projects: 1,
        records: 1,
      });
      const elsewhere = configSchema.parse({ dataDir: join(scratch.path, 'other') });
      const keyless = await openAuditLog({ config: elsewhere, database }, { create: false });
      await expect(keyless.verify()).rejects.toThrow(/no audit key at .*other.audit\.key/);
    } finally {
      await database.close();
    }
  });
});

describe('openAuditLog with a configured key', () => {
  it('uses the key from config everywhere, never writes a key file, and another key fails verify', async () => {
    const auditKey = 'a shared audit key of at least thirty-two characters';
    const dataDir = join(scratch.path, 'configured');
    const config = configSchema.parse({ dataDir, policy: { auditKey } });
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      const writer = await openAuditLog({ config, database }, { create: true });
      expect(writer.keyPath).toBe(configuredKeySource);
      await writer.append(database, record);
      expect(writer.promptHmac('a cat')).toBe(promptHmac(Buffer.from(auditKey), 'a cat'));
      expect(await readAuditKey(auditKeyPath(dataDir))).toBeNull();

      const reader = await openAuditLog({ config, database }, { create: false });
      expect(await reader.verify()).toMatchObject({ ok: true, records: 1 });
      const otherKey = configSchema.parse({ dataDir, policy: { auditKey: `${auditKey}, not` } });
      const wrong = await openAuditLog({ config: otherKey, database }, { create: false });
      expect(await wrong.verify()).toMatchObject({ ok: false });
    } finally {
      await database.close();
    }
  });

  it('refuses a key too short to be one', () => {
    const parsed = configSchema.safeParse({ dataDir: '.', policy: { auditKey: 'short' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('at least 32 characters');
  });
});

describe('promptHmac', () => {
  it('is keyed and treats Unicode spellings of one prompt as one', () => {
    const key = Buffer.alloc(32, 1);
    expect(promptHmac(key, 'ﬁne cat')).toBe(promptHmac(key, 'fine cat'));
    expect(promptHmac(key, 'ｃａｔ')).toBe(promptHmac(key, 'cat'));
    expect(promptHmac(key, 'cat')).not.toBe(promptHmac(Buffer.alloc(32, 2), 'cat'));
    expect(promptHmac(key, 'cat')).toMatch(/^[0-9a-f]{64}$/);
  });
});
