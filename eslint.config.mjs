import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-h5/',
      'coverage/',
      '.local-cloud/',
      'cloudfunctions/*/index.js',
      'cloudfunctions/*/node_modules/',
      '**/*.config.js',
      'babel.config.js',
      'jest.config.js',
      '.dependency-cruiser.js',
      'src/test-setup/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The platform is reached through src/services only (design: pages -> hooks -> services).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/services/**', 'src/test-setup/**', 'src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['cloud', 'request', 'scanCode', 'requestSubscribeMessage', 'login'].map((property) => ({
          object: 'Taro',
          property,
          message: 'Only src/services may call the platform.',
        })),
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Only src/services may call the network.' }],
    },
  },
  {
    // Rooms a newcomer can read in one sitting: split a longer file or function by its jobs.
    files: ['{src,core,server,cloudfunctions,local-cloud,scripts,bench}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'src/test-setup/**', 'src/**/testing/**'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
)
