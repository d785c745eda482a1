// Lint: typescript-eslint's recommended rules, plus the rule that keeps every lib behind its index.ts:
// other code imports `@app/<lib>` only, never a file inside it, and never reaches into libs by relative path.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { project: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@app/*/*'],
              message: 'Import a lib through its public door (`@app/<lib>`), not a file inside it.',
            },
            {
              group: ['**/libs/**'],
              message: 'Reach a lib through `@app/<lib>`, never by relative path.',
            },
          ],
        },
      ],
    },
  },
  {
    // Inside a lib, a relative path that walks into another lib's src is a back door too.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@app/*/*'], message: 'Import a lib through its public door (`@app/<lib>`).' },
            {
              group: ['../**/src/**'],
              message: 'Reach other libs through `@app/<lib>`, never by relative path.',
            },
          ],
        },
      ],
    },
  },
  {
    // Jest's global setup runs outside the module mapper: it may reach the migration list by path.
    files: ['test/setup/global-setup.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
