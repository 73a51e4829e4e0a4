// A commit's tree extracted beside the working tree, so one benchmark run can measure the code
// before a change and after it side by side (same machine, same minute, interleaved rounds).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Checkout {
  /** What the tables call it: "working tree" or the ref. */
  name: string;
  /** The repository root of that tree (it has packages/, bench/ and a node_modules). */
  directory: string;
}

export const workingTree: Checkout = { name: 'working tree', directory: resolve('.') };

/** `git archive <ref> | tar -x`: no worktree, no change to the repository's state. */
async function extract(ref: string, directory: string): Promise<void> {
  const archive = spawn('git', ['archive', '--format=tar', ref], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const untar = spawn('tar', ['-x', '-C', directory], { stdio: ['pipe', 'ignore', 'inherit'] });
  archive.stdout.pipe(untar.stdin);
  const [[archived], [untarred]] = await Promise.all([once(archive, 'exit'), once(untar, 'exit')]);
  if (archived !== 0 || untarred !== 0) throw new Error(`could not extract ${ref}`);
}

/**
 * The baseline runs on the working tree's installed packages (same versions unless the ref
 * changed package.json), except the workspace packages, which point into the baseline itself.
 */
async function linkNodeModules(directory: string): Promise<void> {
  const installed = resolve('node_modules');
  const target = join(directory, 'node_modules');
  await mkdir(join(target, '@vgw'), { recursive: true });
  for (const name of await readdir(installed)) {
    if (name !== '@vgw') await symlink(join(installed, name), join(target, name));
  }
  for (const name of await readdir(join(directory, 'packages'))) {
    await symlink(join('..', '..', 'packages', name), join(target, '@vgw', name));
  }
}

/** The tree of `ref` (a commit, tag or branch) in a temporary directory; `dispose` removes it. */
export async function baselineCheckout(
  ref: string,
): Promise<{ checkout: Checkout; dispose(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'vgw-baseline-'));
  try {
    await extract(ref, directory);
    await linkNodeModules(directory);
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    checkout: { name: ref, directory },
    dispose: () => rm(directory, { recursive: true, force: true }),
  };
}

/** The working tree, plus the baseline named by BENCH_BASELINE (a git ref) when it is set. */
export async function checkoutsToCompare(
  baselineRef: string | undefined,
): Promise<{ checkouts: Checkout[]; dispose(): Promise<void> }> {
  if (baselineRef == null || baselineRef === '') {
    return { checkouts: [workingTree], dispose: async () => undefined };
  }
  const baseline = await baselineCheckout(baselineRef);
  return { checkouts: [baseline.checkout, workingTree], dispose: baseline.dispose };
}
