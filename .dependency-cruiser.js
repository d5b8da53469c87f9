/**
 * The layer rules of ../shared/design.md, checked on every `npm test` so the picture stays true.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ is shared by the app and the functions: no Taro, no SDK, no I/O, nothing outside core.',
      severity: 'error',
      from: { path: '^core/' },
      to: { pathNot: ['^core/', '^node_modules/dayjs'] },
    },
    {
      name: 'app-stays-in-the-app',
      comment: 'The mini-program never imports server code, functions or the local cloud.',
      severity: 'error',
      from: { path: '^src' },
      to: { path: ['^server', '^cloudfunctions', '^local-cloud', '^node_modules/wx-server-sdk'] },
    },
    {
      name: 'components-are-pure-ui',
      comment: 'Components take props and emit events; data comes through pages and hooks.',
      severity: 'error',
      from: { path: '^src/components' },
      to: { path: ['^src/services', '^src/hooks', '^src/pages'] },
    },
    {
      name: 'pages-go-through-hooks',
      comment: 'Pages -> hooks -> services.',
      severity: 'error',
      from: { path: '^src/(pages|package-staff)' },
      to: { path: '^src/services' },
    },
    {
      name: 'use-cases-take-repositories',
      comment: 'Use cases get repositories and platform adapters as arguments; only those touch the SDK.',
      severity: 'error',
      from: { path: '^server/', pathNot: ['^server/(cloud|entry)\\.ts$', '^server/(repos|platform)/'] },
      to: { path: ['^server/cloud\\.ts$', '^node_modules/wx-server-sdk'] },
    },
    {
      name: 'sdk-only-in-adapters',
      severity: 'error',
      from: { path: '^(server|cloudfunctions)/', pathNot: '^server/cloud\\.ts$' },
      to: { path: '^node_modules/wx-server-sdk' },
    },
    {
      name: 'local-cloud-is-dev-only',
      comment: 'Nothing deployable may depend on the local cloud.',
      severity: 'error',
      from: { path: '^(src|server|cloudfunctions)/' },
      to: { path: '^(local-cloud|tests|bench|scripts)/' },
    },
    {
      name: 'server-stays-out-of-the-app',
      comment: 'The functions share code with the app only through core/.',
      severity: 'error',
      from: { path: '^(server|cloudfunctions)/' },
      to: { path: '^src/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.tsx?$', 'src/test-setup', 'cloudfunctions/[^/]+/index\\.js$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
}
