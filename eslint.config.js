import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const gateway = 'packages/gateway/src';

/**
 * One layer may not reach "up": spec ← provider-http / net / media ← providers ← generation ←
 * http / jobs ← cli / studio, and quality / jobs ← scoring (the score job runs quality's metrics
 * on the jobs queue machinery); quality sits on media (ffmpeg and ffprobe).
 */
function forbid(files, patterns, message) {
  return {
    files,
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...patterns.map((group) => ({ group: [group], message })),
            pluggedThroughIndex,
            testSupportOnlyInTests,
          ],
        },
      ],
    },
  };
}

/**
 * A provider is reached only through its plug (`providers/<p>/index.js`), so its folder's files
 * stay its own. Part of every layer rule because a file takes one `no-restricted-imports`.
 */
const pluggedThroughIndex = {
  group: ['**/providers/*/*', '!**/providers/*/index.js'],
  message: "outside a provider's folder, import only its plug: providers/<p>/index.js.",
};

/**
 * Each package keeps its test helpers in one `test-support/` outside the layers; production code
 * never imports them, so a fixture can never become a dependency of the running gateway.
 */
const testSupportOnlyInTests = {
  group: ['**/test-support/**', '@vgw/gateway/test-support'],
  message: 'test-support/ is for tests and benchmarks only: production code never imports it.',
};

/** The helpers providers build on: HTTP to a provider, URL safety, ffmpeg and ffprobe. */
const lowLayer = [`${gateway}/provider-http/**`, `${gateway}/net/**`, `${gateway}/media/**`];

const upper = [
  '**/generation/**',
  '**/scoring/**',
  '**/jobs/**',
  '**/http/**',
  '**/assembly/**',
  '**/config/**',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.vgw/**', 'bench/out/**', '.ci/out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'id-denylist': ['error', 'req', 'res', 'cfg', 'conf', 'opts', 'tmp', 'ctx', 'msg', 'err'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.test.ts', '**/test-support/**', 'bench/**/*.ts'],
    rules: {
      'max-lines': 'off',
      'max-lines-per-function': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  forbid(
    ['packages/spec/src/**'],
    ['@vgw/gateway', '@vgw/sdk', '@vgw/cli', '**/gateway/**'],
    'spec is the bottom layer and imports nothing of vgw.',
  ),
  forbid(
    lowLayer,
    [...upper, '**/db/**', '**/providers/**', '**/quality/**', '**/emulators/**'],
    'provider-http/, net/ and media/ sit under providers: they may import spec and each other only.',
  ),
  forbid(
    [`${gateway}/providers/**`],
    [...upper, '**/db/**'],
    'providers sit under generation: they may import only spec, provider-http/, net/ and media/.',
  ),
  forbid(
    [`${gateway}/generation/**`],
    ['**/scoring/**', '**/jobs/**', '**/http/**', '**/assembly/**', '**/config/**'],
    'generation sits under http and jobs, beside scoring.',
  ),
  forbid(
    [`${gateway}/cost/**`],
    upper,
    'cost (prices, the ledger, budgets) sits beside generation, which uses it.',
  ),
  forbid(
    [`${gateway}/policy/**`],
    [...upper, '**/db/**', '**/storage/**', '**/providers/**', '**/routing/**', '**/cost/**'],
    'policy (checks, rule packs, the red team) sits beside generation, which screens with it.',
  ),
  forbid(
    [`${gateway}/scoring/**`],
    ['**/generation/**', '**/http/**', '**/assembly/**', '**/config/**'],
    "scoring sits beside generation and on jobs' queue machinery; assembly wires it in.",
  ),
  forbid(
    [`${gateway}/http/**`],
    ['**/scoring/**', '**/jobs/**', '**/assembly/**', '**/config/**'],
    'http and jobs (scoring too) are siblings; config is read only by composition roots.',
  ),
  forbid(
    [`${gateway}/jobs/**`],
    ['**/scoring/**', '**/http/**', '**/assembly/**', '**/config/**'],
    'jobs holds the generic queue machinery: scoring imports it, never the other way round.',
  ),
  forbid(
    [`${gateway}/db/**`, `${gateway}/storage/**`],
    [...upper, '**/providers/**'],
    'db and storage are infrastructure under generation.',
  ),
  forbid(
    [`${gateway}/emulators/**`],
    [...upper, '**/db/**'],
    'emulators stand beside the gateway: they may use providers (the local engine) and spec only.',
  ),
  forbid(
    [`${gateway}/quality/**`],
    [
      ...upper,
      '**/db/**',
      '**/providers/**',
      '**/emulators/**',
      '**/provider-http/**',
      '**/net/**',
    ],
    'quality/ holds pure metrics: it may use spec, media/, zod and opencv-js only.',
  ),
  forbid(
    [`${gateway}/provenance/**`],
    [
      ...upper,
      ...['**/db/**', '**/storage/**', '**/auth/**', '**/providers/**', '**/emulators/**'],
      ...['**/provider-http/**', '**/net/**', '**/quality/**', '**/policy/**'],
      ...['**/routing/**', '**/cost/**'],
    ],
    'provenance/ (C2PA signing and verification) sits beside generation: it may use spec and media/ only.',
  ),
  forbid(
    [`${gateway}/timeline/**`],
    [
      ...upper,
      ...['**/db/**', '**/storage/**', '**/auth/**', '**/providers/**', '**/emulators/**'],
      ...['**/provider-http/**', '**/net/**', '**/quality/**', '**/policy/**', '**/media/**'],
      ...['**/routing/**', '**/cost/**', '**/provenance/**', '**/sequences/**'],
    ],
    'timeline/ holds pure timeline maths and serializers (FCPXML, xmeml, EDL, OTIO): spec and zod only.',
  ),
  forbid(
    [`${gateway}/sequences/**`],
    ['**/scoring/**', '**/jobs/**', '**/http/**', '**/assembly/**', '**/config/**'],
    'sequences/ (timelines and packages of completed videos) sits beside generation, under http and jobs.',
  ),
  forbid(
    [`${gateway}/datasets/**`],
    ['**/scoring/**', '**/http/**', '**/assembly/**', '**/config/**', '**/storyboards/**'],
    "datasets/ (curated exports for trainers) sits beside scoring, on jobs' queue machinery.",
  ),
  forbid(
    [`${gateway}/storyboards/**`],
    ['**/http/**', '**/assembly/**', '**/config/**', '**/scoring/**'],
    'storyboards/ renders shot lists through generation and sequences; http serves it, assembly wires it.',
  ),
  forbid(
    [`${gateway}/assembly/**`, `${gateway}/index.ts`],
    [],
    'assembly builds the gateway from config on every layer.',
  ),
  forbid(
    ['packages/cli/src/**'],
    ['**/gateway/src/**'],
    'the cli uses the gateway through its package index, @vgw/gateway.',
  ),
  forbid(
    ['packages/sdk/src/**'],
    ['@vgw/gateway', '@vgw/cli'],
    'the sdk talks to the gateway over HTTP only.',
  ),
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: [`${gateway}/config/**`, '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'process.env is read only in config/.' },
      ],
    },
  },
);
