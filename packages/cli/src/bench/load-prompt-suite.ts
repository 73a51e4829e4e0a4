import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { CliError, fileError } from '../errors/cli-error.js';
import type { BenchPrompt } from './leaderboard/bench-run.js';
import { promptSuiteSchema } from './leaderboard/prompt-suite.js';

/** Found beside the package, not the working directory, so `vgw bench` works from anywhere. */
export const defaultSuitePath = fileURLToPath(
  new URL('../../prompts/default-suite.json', import.meta.url),
);

/** Reads and validates a prompt file; null reads the suite that ships with the CLI. */
export async function loadPromptSuite(cwd: string, file: string | null): Promise<BenchPrompt[]> {
  const path = file == null ? defaultSuitePath : resolve(cwd, file);
  const label = file ?? 'the default prompt suite';
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw fileError('read', label, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${label} is not JSON: ${reason}`, { cause: error });
  }
  const parsed = promptSuiteSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue != null && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new CliError(
      `${label} is not a prompt suite${where}: ${issue?.message ?? 'invalid'} ` +
        '(expected a list of { id, shot, prompt } or { shot: [{ id, prompt }] })',
    );
  }
  return parsed.data;
}
