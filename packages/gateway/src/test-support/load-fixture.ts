import { readFileSync } from 'node:fs';

/**
 * A reader for the `__fixtures__` folder beside a test module: `fixtureLoader(import.meta.url)`.
 * A name without an extension is read as `<name>.json`.
 */
export function fixtureLoader(moduleUrl: string): (name: string) => string {
  return (name) =>
    readFileSync(
      new URL(`./__fixtures__/${/\.[a-z]+$/.test(name) ? name : `${name}.json`}`, moduleUrl),
      'utf8',
    );
}
