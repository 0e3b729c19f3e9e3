import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Files of src/notifications and src/mail that still run SQL outside a repository (work of their own). */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '*.js', '*.mjs', 'test/support/*.js', 'clients/typescript/src/schema.d.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  { files: ['scripts/**/*.ts', 'bench/**/*.ts', 'src/main.ts', 'test/**/*.ts'], rules: { 'no-console': 'off' } },
  {
    // SQL lives in repositories (docs/architecture.md, "Persistence"): a `.query(` call, on a
    // DataSource, an EntityManager or a QueryRunner, is refused anywhere else in src/. Stores are
    // the storage port's adapters (src/documents/storage); src/database runs the migrations.
    // test/sql-placement.int-spec.ts proves the rule fires.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.repository.ts', 'src/**/*.store.ts', 'src/database/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message:
            'SQL lives in a repository (*.repository.ts) that checks its rows with src/common/sql-rows.ts; call the repository instead.',
        },
      ],
    },
  },
);
