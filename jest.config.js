// One jest run, five projects: UI components (jsdom), server and core logic (node), browser journeys
// on the H5 build (node), and two checks of the built weapp output (simulator in jsdom; sizes in node).

// The functions' per-call log lines (server/entry.ts) would drown jest's output; workers inherit this.
process.env.CALL_LOG ??= 'off'

const swc = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx },
      transform: tsx ? { react: { runtime: 'automatic' } } : undefined,
      target: 'es2021',
    },
    module: { type: 'commonjs' },
  },
]

const alias = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@core$': '<rootDir>/core/index.ts',
  '^@core/(.*)$': '<rootDir>/core/$1',
}

module.exports = {
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
  projects: [
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.tsx'],
      transform: { '^.+\\.(t|j)sx?$': swc(true) },
      setupFiles: ['<rootDir>/src/test-setup/setup.ts'],
      moduleNameMapper: {
        '\\.(scss|css)$': '<rootDir>/src/test-setup/style-stub.js',
        '\\.(png|jpe?g|svg|gif)$': '<rootDir>/src/test-setup/file-stub.js',
        '^@tarojs/taro$': '<rootDir>/src/test-setup/taro-mock.ts',
        '^@tarojs/components$': '<rootDir>/src/test-setup/components-mock.tsx',
        '^@nutui/nutui-react-taro$': '<rootDir>/src/test-setup/nutui-mock.tsx',
        ...alias,
      },
    },
    {
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/server/**/*.test.ts',
        '<rootDir>/local-cloud/**/*.test.ts',
        '<rootDir>/core/**/*.test.ts',
        '<rootDir>/tests/integration/**/*.test.ts',
        '<rootDir>/scripts/**/*.test.ts',
      ],
      transform: { '^.+\\.(t|j)sx?$': swc(false) },
      moduleNameMapper: alias,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc(false) },
      moduleNameMapper: alias,
    },
    {
      // Runs the compiled weapp output (dist/) in miniprogram-simulate against the local cloud's bundled
      // functions; needs `npm run build:weapp` first.
      // Node, not jsdom: the local cloud needs Node's realm; tests/weapp/dom.ts gives the simulator a DOM.
      displayName: 'weapp',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      // A page's own timers (e.g. navigating back 0.8 s after 已保存) may fire after its file's last test.
      testEnvironmentOptions: { globalsCleanup: 'off' },
      transform: { '^.+\\.(t|j)sx?$': swc(false) },
      moduleNameMapper: alias,
    },
    {
      displayName: 'build',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/build/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc(false) },
      moduleNameMapper: alias,
    },
  ],
}
