/**
 * Who may import whom. `npm run check:layers` runs these rules and `npm test` runs it, and
 * tests/build/layers.test.ts plants one forbidden import per rule in a temporary copy to prove each rule bites.
 *
 * The floors, top to bottom (an import may only point down or sideways within its own floor):
 *
 *   app (src/)   pages ─▶ hooks ─▶ services ─▶ platform (Taro.cloud, fetch)
 *                  │         │
 *                  ▼         ▼
 *              components   utils        core/ (contracts, rules, errors; pure)
 *
 *   server/      cloudfunctions/<fn>/index.ts (builds repositories) ─▶ server/<feature>/ use cases
 *                ─▶ server/repos/* and server/platform/* ─▶ wx-server-sdk
 *
 * - src/package-<name>/ are WeChat subpackages: their pages, hooks, components and lib follow the same floors,
 *   may use the shared src/ code, and nothing outside the subpackage may import them (a shared module importing
 *   a subpackage drags it into the main package, or breaks when the subpackage is not loaded yet).
 * - A server feature is a folder under server/ other than repos/ and platform/; it uses another feature only
 *   through that feature's public entry, server/<feature>/index.ts.
 * - Use cases take their repositories as arguments. Type-only imports of repository interfaces are fine;
 *   a value import of a repository module (or of server/cloud.ts) is how a use case would build its own.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */

const PAGES = '^src/(pages|package-[^/]+/pages)/'
const HOOKS = '^src/(hooks|package-[^/]+/hooks)/'
const COMPONENTS = '^src/(components|package-[^/]+/components)/'
const SERVICES = '^src/services/'
const UTILS = '^src/utils/'
// server/<feature>/…: every folder under server/ except the adapters.
const FEATURE = '^server/(?!repos/|platform/)([^/]+)/'

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
      name: 'pages-go-through-hooks',
      comment: 'A page (main package or subpackage) gets its data from hooks, never from services directly.',
      severity: 'error',
      from: { path: PAGES },
      to: { path: SERVICES },
    },
    {
      name: 'hooks-never-import-pages',
      comment: 'Hooks serve pages; a hook that imports a page or a component has the floors upside down.',
      severity: 'error',
      from: { path: HOOKS },
      to: { path: [PAGES, COMPONENTS] },
    },
    {
      name: 'services-are-the-bottom',
      comment: 'Services wrap the platform; they know nothing of hooks, pages or components.',
      severity: 'error',
      from: { path: SERVICES },
      to: { path: [HOOKS, PAGES, COMPONENTS] },
    },
    {
      name: 'utils-are-leaves',
      comment: 'src/utils holds pure helpers (formatting, routes, copy): no platform, no React state, no UI.',
      severity: 'error',
      from: { path: UTILS },
      to: { path: [SERVICES, HOOKS, PAGES, COMPONENTS] },
    },
    {
      name: 'components-are-pure-ui',
      comment: 'Components take props and emit events; data comes through pages and hooks.',
      severity: 'error',
      from: { path: COMPONENTS },
      to: { path: [SERVICES, HOOKS, PAGES] },
    },
    {
      name: 'shared-code-stays-out-of-subpackages',
      comment:
        'Only a subpackage imports its own files. Shared src/ code (hooks, components, utils, services, main-package pages) importing one pulls it into the main package.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/package-' },
      to: { path: '^src/package-' },
    },
    {
      name: 'subpackages-stay-apart',
      comment: 'One subpackage cannot load another at run time; share through src/ instead.',
      severity: 'error',
      from: { path: '^src/(package-[^/]+)/' },
      to: { path: '^src/package-', pathNot: '^src/$1/' },
    },
    {
      name: 'use-cases-take-repositories',
      comment:
        'A use case gets its repositories and platform adapters as arguments (the function entry builds them). Type-only imports of repository interfaces are fine.',
      severity: 'error',
      from: { path: FEATURE },
      to: {
        path: ['^server/repos/', '^server/cloud\\.ts$', '^node_modules/wx-server-sdk'],
        pathNot: '^server/repos/keys\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'features-meet-at-public-entries',
      comment: "A server feature uses another only through server/<feature>/index.ts, never through the other's files.",
      severity: 'error',
      from: { path: '^server/([^/]+)/' },
      to: {
        path: '^server/[^/]+/',
        pathNot: ['^server/$1/', '^server/[^/]+/index\\.ts$', '^server/(repos|platform)/'],
      },
    },
    {
      name: 'sdk-only-in-adapters',
      comment: 'Only server/cloud.ts loads wx-server-sdk; everything else gets the database handed in.',
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
