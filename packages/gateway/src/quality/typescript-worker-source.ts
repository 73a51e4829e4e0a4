import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The source of a worker thread (run with `eval: true`) whose entry is a TypeScript file. The
 * code runs through tsx, and a worker thread does not inherit the loader registered in-process
 * (by the CLI or vitest), so the thread registers tsx before importing its entry. Throws when
 * tsx cannot be resolved; callers decide whether that is fatal.
 */
export function typescriptWorkerSource(entry: URL): string {
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const register = `import(${JSON.stringify(loader)}).then((api) => { api.register(); })`;
  return `${register}.then(() => import(${JSON.stringify(entry.href)}));`;
}
