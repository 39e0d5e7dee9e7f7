import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layout rules (bulletproof-react): a feature imports only itself and shared code (components/,
// hooks/, lib/, utils/, testing/, the generated API); shared code imports no feature; nothing
// imports the app layer, which composes the features. All imports are absolute (`@/…`).
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const relative = { regex: '^\\.{1,2}/', message: 'Import with the @/ alias, not a relative path.' };
const app = { regex: '^@/app(/|$)', message: 'Only the app layer composes features; nothing imports it.' };
const anyFeature = { regex: '^@/features/', message: 'Shared code must not depend on a feature.' };
const otherFeature = (feature) => ({
  regex: `^@/features/(?!${feature}/)`,
  message: `Features do not import each other: move what ${feature} needs to shared code, or compose both in src/app.`,
});

// The ticket mutations refresh the ticket's queries; components use the wrappers, never the raw hooks.
const rawTicketMutations = {
  name: '@/api/generated/endpoints/tickets/tickets',
  importNames: ['useUpdateTicket', 'useReplyToTicket', 'useAddNote', 'useRetryReply'],
  message: 'Use the hook of the same name in @/features/tickets/api: it refreshes the ticket afterwards.',
};

const restrict = (patterns, paths = [rawTicketMutations]) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

export default defineConfig([
  globalIgnores(['dist/', 'target/', 'src/api/generated/', 'e2e/output/', 'node_modules/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: restrict([relative, app, anyFeature]),
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: restrict([relative, app, otherFeature(feature)], feature === 'tickets' ? [] : [rawTicketMutations]),
  })),
  {
    files: ['src/features/tickets/components/**/*.{ts,tsx}', 'src/features/tickets/hooks/**/*.{ts,tsx}'],
    rules: restrict([relative, app, otherFeature('tickets')]),
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: restrict([relative]),
  },
  {
    files: ['*.{js,ts}', 'scripts/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // Node scripts whose page.evaluate()/waitForFunction() callbacks run in the browser
    files: ['e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    rules: {
      // `_` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  prettier,
]);
