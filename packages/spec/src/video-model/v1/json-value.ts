/**
 * A value that survives `JSON.stringify` → Postgres `jsonb` → `JSON.parse` unchanged in meaning.
 *
 * The gateway stores what an adapter returns in these types (the `operation`, provider options)
 * in `jsonb` columns and hands it back later, possibly to another process after a restart. Keep to
 * what JSON can say: no `undefined` (the key is dropped), `NaN` or `Infinity` (they become `null`),
 * `Date`, `bigint`, class instances or functions. Key order is not preserved by `jsonb`, and a
 * duplicated key keeps only its last value.
 */
export type JSONValue =
  | null
  | string
  | number
  | boolean
  | JSONValue[]
  | { [key: string]: JSONValue };

/**
 * A JSON object (never an array or a scalar): the shape of provider options, provider metadata
 * and webhook match fragments.
 */
export type JSONObject = { [key: string]: JSONValue };
