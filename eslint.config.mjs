// ESLint: correctness (typescript-eslint and eslint-plugin-vue recommended) and the layer rules; formatting is
// Prettier's (eslint-config-prettier, last, turns off every rule that would fight it).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import vueParser from 'vue-eslint-parser'

// The layers (docs: one shape per feature). Import paths are relative, so each rule matches the folder name
// anywhere in the path; 'electron' alone is the Electron module.
const electronModule = { regex: '^electron(/.*)?$', message: 'Only electron/ (main, preload) may use the Electron module.' }
const intoElectron = {
  regex: '(^|/)electron/',
  message: 'The renderer and shared/ never import from electron/: ask main through the contract.',
}
const intoRenderer = { regex: '(^|/)renderer/', message: 'Main, preload, sandbox, cli and shared/ never import from renderer/.' }
/** One door for toasts: lib/toast reads a toast's words each time it draws, so they follow the language. */
const rawToast = {
  regex: '^naive-ui$',
  importNames: ['useMessage'],
  message: 'Show toasts through useToast (renderer/src/lib/toast): its words follow a language switch.',
}
/** Views read and write through their feature's store (or a shared read composable), never `call` themselves. */
const callFromVue = {
  regex: '(^|/)api(\\.ts)?$',
  importNames: ['call'],
  message: 'A .vue file never calls main: go through the feature store.',
}

const layers = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })
/** The page takes the contract's and AlfaDocs' types from the schema modules, their values from the plain ones:
 * a value from a schema module loads zod and builds every schema at each start. */
const schemaValues = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '(^|/)shared/(contract(/(?!values$)[^/]+)?|alfadocs/(schemas|lenient|routes))$',
          allowTypeImports: true,
          message: 'Import the value from shared/contract/values or shared/alfadocs/enums (types may come from here).',
        },
      ],
    },
  ],
}

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.vitest-cache/**', '**/*.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring out a field, an ignored parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  // Layer rules. A later block for the same file replaces the option list, so each block lists all its patterns.
  { files: ['renderer/**/*.ts'], rules: { ...layers(electronModule, intoElectron, rawToast), ...schemaValues } },
  { files: ['renderer/**/*.vue'], rules: { ...layers(electronModule, intoElectron, callFromVue, rawToast), ...schemaValues } },
  { files: ['renderer/src/lib/toast.ts'], rules: { ...layers(electronModule, intoElectron), ...schemaValues } },
  { files: ['shared/**'], rules: layers(electronModule, intoElectron, intoRenderer) },
  { files: ['electron/**'], rules: layers(intoRenderer) },
  {
    // Tests and scripts drive the app from outside and may reach into any layer; they may bend types to build
    // hostile input.
    files: ['test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
)
