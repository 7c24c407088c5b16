// Flat config: typescript-eslint's recommended rules, plus a guard that keeps the engine pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test/output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', __dirname: 'readonly', module: 'writable', require: 'readonly', URL: 'readonly', fetch: 'readonly', Blob: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The page scripts run in the browser (checked by tsconfig.web.json, see npm run typecheck).
    files: ['src/web/assets/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { window: 'readonly', document: 'readonly', location: 'readonly', globalThis: 'readonly', FormData: 'readonly', Intl: 'readonly', AbortController: 'readonly', TextDecoder: 'readonly', Event: 'readonly', HTMLElement: 'readonly' },
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@nestjs/*', 'typeorm', 'pg', '@electric-sql/*', 'node:fs', 'fs', 'node:net', 'node:http'], message: 'The engine is pure: no framework, database or I/O.' },
        ],
      }],
    },
  },
);
