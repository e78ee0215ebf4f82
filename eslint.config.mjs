// ESLint (flat config): what the type-checker does not see. Import cycles and imports of packages
// package.json does not declare are errors, and each layer may import only the layers below it
// (CONTRIBUTING.md, "Layers"). Formatting is Prettier's job (eslint-config-prettier turns the
// overlapping rules off). `npm run lint` runs it with Prettier and the type-check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Node's built-in modules: `node:*`, and the old bare names (exact names, not path patterns). */
const NODE_BUILTINS = ['node:*'];
const NODE_BARE = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'readline',
  'zlib',
  'net',
  'http',
  'https',
];

/**
 * `no-restricted-imports`: each group is [patterns (gitignore-style, matched against the import
 * as written), reason]; `bare` lists exact module names (Node's old built-in names).
 */
function forbid(groups, bare = []) {
  return [
    'error',
    {
      patterns: groups.map(([group, message]) => ({ group, message })),
      paths: bare.map((name) => ({ name, message: groups[0][1] })),
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'out/',
      'node_modules/',
      'test-results/',
      '.scratch/',
      '.bench/',
      '.ci/editor/',
      '**/*.generated.ts',
      // Code that breaks the rules on purpose: test/cli/lint.test.ts lints it and expects the errors.
      'test/fixtures/lint/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
      // The VS Code API is given to the extension by the editor, not installed.
      'import-x/core-modules': ['vscode'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Everything is bundled, so a devDependency may be imported anywhere; an undeclared package
      // (present only as someone else's dependency) may not.
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: true, optionalDependencies: false, peerDependencies: false },
      ],
      // Named imports are checked by the type-checker, which knows more.
      'import-x/named': 'off',
      'import-x/namespace': 'off',
      'import-x/default': 'off',
      'import-x/no-named-as-default-member': 'off',
      // Style only: this code base imports types and values from one module on two lines.
      'import-x/no-duplicates': 'off',
      // Ajv and similar packages export their default under its own name too.
      'import-x/no-named-as-default': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests load files whose names are known only at run time, and read protocol messages as they come.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The real-editor scripts pass functions that run inside the page (page.evaluate).
    files: ['.ci/**/*.mjs', 'test/e2e/**/*.mjs', 'test/e2e-web/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Deliberate: these patterns find control characters and runs of spaces.
    rules: { 'no-control-regex': 'off', 'no-regex-spaces': 'off' },
  },
  {
    // The core is pure: no Node, no editor, no language-server runtime (protocol types only), and
    // none of the shells.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          [
            NODE_BUILTINS,
            'The core reads no files and runs nothing: the shells (server/src/node, lsp, cli) pass data in.',
          ],
          [
            [
              'vscode',
              'vscode-languageserver',
              'vscode-languageserver/*',
              'vscode-languageserver-protocol',
              'vscode-languageclient',
              'vscode-languageclient/*',
            ],
            'The core uses LSP types only (vscode-languageserver-types).',
          ],
          [['**/node/**', '**/lsp/**', '**/cli/**', '**/protocol', '**/client/**'], 'The core imports no shell.'],
        ],
        NODE_BARE,
      ),
    },
  },
  {
    files: ['server/src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [
          ['**/lsp/**', '**/cli/**', '**/client/**', 'vscode', 'vscode-languageserver', 'vscode-languageserver/*'],
          'server/src/node is the Node side the CLI, the server and the client share: it knows none of them.',
        ],
      ]),
    },
  },
  {
    // The file-system interface and what reads through it: shared by the Node side, the server
    // and the browser server, so no Node and no shell (the browser build fails on Node too).
    files: ['server/src/fs/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          [
            NODE_BUILTINS,
            'server/src/fs runs in a browser too: Node reads belong in server/src/node (nodeFileSystem).',
          ],
          [
            [
              '**/node/**',
              '**/lsp/**',
              '**/cli/**',
              '**/client/**',
              'vscode',
              'vscode-languageserver',
              'vscode-languageserver/*',
            ],
            'server/src/fs knows no shell: they pass a FileSystem in.',
          ],
        ],
        NODE_BARE,
      ),
    },
  },
  {
    // The browser server and the twins the browser build puts in place of Node modules.
    files: ['server/src/browser/**/*.ts', 'server/src/browser-server.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          [
            [...NODE_BUILTINS, '**/node/**', '**/cli/**', '**/client/**', 'vscode'],
            'The browser server runs in a Web Worker: no Node (scripts/browser-build.mjs fails on it too).',
          ],
        ],
        NODE_BARE,
      ),
    },
  },
  {
    files: ['server/src/protocol.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [
          [
            './node/**',
            './lsp/**',
            './cli/**',
            'vscode',
            'vscode-languageserver',
            'vscode-languageserver/*',
            'vscode-languageclient',
            'vscode-languageclient/*',
          ],
          'The protocol is what client and server share: core types and LSP protocol only.',
        ],
      ]),
    },
  },
  {
    files: ['server/src/lsp/**/*.ts', 'server/src/server.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [
          ['**/cli/**', '**/client/**', 'vscode'],
          'The language server knows neither the CLI nor the client (they talk through server/src/protocol.ts).',
        ],
      ]),
    },
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [
          ['**/lsp/**', '**/client/**', 'vscode', 'vscode-languageserver', 'vscode-languageserver/*'],
          'The CLI runs the core without the language server.',
        ],
      ]),
    },
  },
  {
    // The client talks to the server through the protocol; it may use the pure core and the Node
    // helpers of server/src/node (the git author), never the server's or the CLI's code.
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        [
          [
            '**/server/src/lsp/**',
            '**/server/src/cli/**',
            '**/server/src/server',
            'vscode-languageserver',
            'vscode-languageserver/*',
          ],
          'The client uses server/src/core, server/src/protocol.ts and server/src/node only.',
        ],
      ]),
    },
  },
  {
    // Webview page scripts run in the browser: no Node, no editor API.
    files: ['client/webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid(
        [
          [
            [...NODE_BUILTINS, 'vscode', '**/server/src/node/**', '**/server/src/lsp/**', '**/server/src/cli/**'],
            'A webview page script runs in the browser: core and its own code only.',
          ],
        ],
        NODE_BARE,
      ),
    },
  },
  prettier,
);
