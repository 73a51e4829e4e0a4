import { readlink, realpath } from 'node:fs/promises';

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}

/** Whether a process with this id exists (a process of another user counts as existing). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Whether `pid` is still our render: alive and, where /proc exists, working in the job
 * directory. The cwd check matters after a machine restart, when the id may belong to an
 * unrelated process that must be neither waited on nor killed.
 */
export async function isRenderProcess(pid: number, jobDir: string): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  let cwd: string;
  try {
    cwd = await readlink(`/proc/${pid}/cwd`);
  } catch (error) {
    const code = errorCode(error);
    // No /proc (macOS) or no permission to look: the signal check is all we have.
    if (code === 'EACCES' || code === 'EPERM') return true;
    if (code === 'ENOENT') return isProcessAlive(pid) && !(await hasProcFileSystem());
    return false;
  }
  const expected = await realpath(jobDir).catch(() => jobDir);
  return cwd === expected || cwd === jobDir;
}

async function hasProcFileSystem(): Promise<boolean> {
  return readlink('/proc/self/cwd').then(
    () => true,
    () => false,
  );
}

/** SIGKILLs a render's whole process group (shell, timeout, ffmpeg); a gone group is fine. */
export function killProcessGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    if (errorCode(error) !== 'ESRCH') throw error;
  }
}
