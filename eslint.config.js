import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'admin-ui/dist/', 'node_modules/', '.tools/', 'data/', 'coverage/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through server/src/config (APP_CONFIG).' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='eval']",
          message: 'Never eval: use the sandboxed expression language.',
        },
        { selector: "NewExpression[callee.name='Function']", message: 'Never new Function on user text.' },
      ],
    },
  },
  {
    // Config loading, start-up wiring, tests, scripts and benches legitimately read the environment.
    files: [
      'server/src/main.ts',
      'server/src/seed.ts',
      'server/src/create-user.ts',
      'server/src/export-rulesets.ts',
      'server/src/common/database/ferretdb-binary.ts',
      'server/test/**',
      'admin-ui/e2e/**',
      'bench/**',
      'scripts/**',
      '**/*.spec.ts',
      'jest.config.js',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
