import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const gateway = 'packages/gateway/src';

/** One layer may not reach "up": spec ← providers ← generation ← http / jobs ← cli / studio. */
function forbid(files, patterns, message) {
  return {
    files,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: patterns.map((group) => ({ group: [group], message })) },
      ],
    },
  };
}

const upper = ['**/generation/**', '**/jobs/**', '**/http/**', '**/compose/**', '**/config/**'];

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
    files: ['**/*.test.ts', '**/testing/**', '**/test-support/**', 'bench/**/*.ts'],
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
    [`${gateway}/providers/**`, `${gateway}/provider-utils/**`],
    [...upper, '**/db/**'],
    'providers sit under generation: they may import only spec and provider-utils.',
  ),
  forbid(
    [`${gateway}/generation/**`],
    ['**/jobs/**', '**/http/**', '**/compose/**', '**/config/**'],
    'generation sits under http and jobs.',
  ),
  forbid(
    [`${gateway}/http/**`],
    ['**/jobs/**', '**/compose/**', '**/config/**'],
    'http and jobs are siblings; config is read only by composition roots.',
  ),
  forbid(
    [`${gateway}/jobs/**`],
    ['**/http/**', '**/compose/**', '**/config/**'],
    'http and jobs are siblings; config is read only by composition roots.',
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
  {
    ...forbid(
      [`${gateway}/quality/**`],
      [...upper, '**/db/**', '**/providers/**', '**/emulators/**'],
      'quality/ holds pure metrics: it may use spec, provider-utils, zod and opencv-js only.',
    ),
    ignores: ['**/*.test.ts', '**/test-support/**'],
  },
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
