// ESLint with typescript-eslint's type-aware rules: a promise left floating in a message
// handler or an event listener silently loses its error, and only the type checker can see it.
// The layering rules below keep the design's boundaries honest (see README, Architecture).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** @param {string[]} patterns @param {string} why @returns {import('eslint').Linter.RulesRecord} */
const forbidImports = (patterns, why) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }],
});

/**
 * Sinks that parse HTML: page or corpus text must never reach them.
 * @type {import('eslint').Linter.RulesRecord}
 */
const NO_HTML_SINKS = {
  'no-restricted-properties': [
    'error',
    ...['innerHTML', 'outerHTML'].map((property) => ({ property, message: 'Build nodes or use textContent: never parse text as HTML.' })),
    { object: 'document', property: 'write', message: 'Never write HTML into a document.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never parse text as HTML.' },
    { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never parse text as HTML.' },
    { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'Never parse text as HTML.' },
  ],
};

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'artifacts/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...NO_HTML_SINKS, 'no-console': ['error', { allow: ['warn', 'error', 'debug'] }] },
  },
  {
    files: ['src/**'],
    ignores: ['src/platform/browser.ts'],
    rules: forbidImports(['webextension-polyfill'], 'Extension APIs go through src/platform/.'),
  },
  {
    files: ['src/core/**'],
    rules: forbidImports(
      ['../*', 'webextension-polyfill', 'idb', 'preact', 'preact/*'],
      'core/ is pure: it imports nothing outside core/.',
    ),
  },
  {
    // A module folder inside core/ (core/dates/) may reach the rest of core/ one level up, no further.
    files: ['src/core/*/**'],
    rules: forbidImports(
      ['../../*', 'webextension-polyfill', 'idb', 'preact', 'preact/*'],
      'core/ is pure: it imports nothing outside core/.',
    ),
  },
  {
    files: ['src/page/**', 'src/corpus/**'],
    rules: forbidImports(
      ['../platform/*', '../background/*', '../ui/*', '../content/*', 'webextension-polyfill'],
      'page/ and corpus/ use no extension APIs: they run on fixture pages and in Node.',
    ),
  },
  {
    files: ['src/ui/components/**', 'src/ui/i18n.tsx', 'src/ui/format.ts'],
    rules: forbidImports(
      ['../../platform/*', '../platform/*', 'webextension-polyfill'],
      'Components take props only; entries do the wiring.',
    ),
  },
  {
    // The corpus pipeline's Node side (CLI, file reading): never bundled into the extension.
    files: ['src/corpus/cli.ts', 'src/corpus/node.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['scripts/**', 'test/**', '.ci/**', '*.config.*', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Plain-JS scripts are type-checked by tsc (checkJs), but typescript-eslint cannot see JSDoc
    // casts ("/** @type {T} */ (x)"), so the no-unsafe-* rules would flag every JSON.parse; and
    // no-undef duplicates tsc there.
    files: ['**/*.mjs'],
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // Tests may use non-null assertions on fixtures they control.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
