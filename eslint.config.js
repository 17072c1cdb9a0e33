// Lint rules for the sources, tests, benchmarks and scripts. Formatting is Prettier's job
// (`npm run format`); nothing here checks layout.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Domain folders: they know nothing of GitHub Actions, the command line or the GitHub API. */
const domain = ['git', 'manifests', 'hazards', 'rollback', 'safety-check', 'drill', 'flux', 'report'];
/** The edges that translate inputs and outputs; domain code must not reach them. */
const edges = ['actions', 'cli', 'github'];
/**
 * Domain folders that still call the GitHub client's typed functions directly (commit statuses,
 * pull-request files): they may import src/github until it sits behind ports of theirs.
 */
const stillOnGitHubClient = new Set(['safety-check', 'drill', 'flux']);

export default tseslint.config(
  {
    ignores: ['dist/', 'coverage/', 'node_modules/', 'bench/.work/']
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: globals.node
    },
    rules: {
      // Validators look for control characters on purpose (they refuse them in refs, paths and
      // commit trailers); a pattern such as /[\x00-\x1f]/ is the clearest way to say so.
      'no-control-regex': 'off',
      // `_`-prefixed names mark what is unused on purpose (a destructured field left out, a callback parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }
      ]
    }
  },
  {
    // Tests read parsed YAML and API payloads whose shape the test itself asserts; typing each with
    // an interface would add noise, not safety.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off'
    }
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle parses each imported module: it needs the TypeScript parser and extensions.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })]
    },
    rules: {
      // Runtime cycles only: `import type` is erased and cannot form one.
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...domain.flatMap(folder =>
              edges
                .filter(edge => edge !== 'github' || !stillOnGitHubClient.has(folder))
                .map(edge => ({
                  target: `./src/${folder}`,
                  from: `./src/${edge}`,
                  message: `src/${folder} is domain code: it must not import src/${edge} (declare a port in the domain and let the edge implement it).`
                }))
            ),
            {
              target: './src/core',
              from: './src',
              except: ['./core'],
              message: 'src/core is what every layer may import: it imports no other part of src/.'
            }
          ]
        }
      ]
    }
  },
  {
    files: domain.map(folder => `src/${folder}/**/*.ts`),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*', '@octokit/*'],
              message: 'Domain code knows nothing of GitHub Actions or the GitHub API; the edges (src/actions, src/cli, src/github) do.'
            }
          ]
        }
      ]
    }
  }
);
