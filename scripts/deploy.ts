/**
 * `npm run deploy` ships the project to the WeChat cloud environment named in .env: builds the weapp
 * and the functions, checks everything it can offline, uploads the mini-program (version from
 * package.json, description from git) and every cloud function with its timer trigger through
 * WeChat's miniprogram-ci, and applies database/*.json. `--dry-run` stops after the checks and prints
 * every step it would take; it never builds a miniprogram-ci Project, which would call WeChat.
 * `--no-build` uses dist/ and the bundles as they are; `--env-file <path>` reads another .env.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { COLLECTIONS } from '../server/collections'
import { buildFunctions } from './build-functions'
import { loadSchema } from './db-schema'
import {
  checkFunctions,
  checkWeapp,
  readSettings,
  type CheckResult,
  type DeployPaths,
  type DeploySettings,
  type FunctionPlan,
} from './deploy/checks'
import { applyDatabase, databasePlan, type DatabasePlan } from './deploy/database'

const ROOT = path.resolve(__dirname, '..')

export const DEFAULT_PATHS: DeployPaths = {
  root: ROOT,
  functionsDir: path.join(ROOT, 'cloudfunctions'),
  distDir: path.join(ROOT, 'dist'),
  databaseDir: path.join(ROOT, 'database'),
}

export interface DeployOptions {
  dryRun: boolean
  build: boolean
  envFile: string
  paths: DeployPaths
  log: (line: string) => void
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS package, loaded only when used
const ci = () => require('miniprogram-ci') as typeof import('miniprogram-ci')

function release(root: string): { version: string; desc: string } {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
  let desc = 'built outside git'
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
    const dirty = git('status', '--porcelain').length > 0 ? ' (uncommitted changes)' : ''
    desc = `${git('log', '-1', '--format=%h %s')}${dirty}`
  } catch {
    // A tarball without .git still deploys; the description just says so.
  }
  return { version, desc: desc.slice(0, 100) }
}

function buildWeapp(root: string, envId: string, log: (line: string) => void): void {
  log(`building the weapp for ${envId} (taro build --type weapp)…`)
  execFileSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TARO_APP_CLOUD_ENV: envId, NODE_ENV: 'production' },
  })
}

/** The weapp reads its environment id at build time; a dist/ built for another one must not ship. */
function builtFor(distDir: string, envId: string): boolean {
  const files = fs.readdirSync(distDir).filter((f) => f.endsWith('.js'))
  return files.some((f) => fs.readFileSync(path.join(distDir, f), 'utf8').includes(`"${envId}"`))
}

function report(result: CheckResult, log: (line: string) => void): void {
  for (const line of result.ok) log(`  ✓ ${line}`)
  for (const line of result.problems) log(`  ✗ ${line}`)
}

function stepsOf(s: DeploySettings, fns: FunctionPlan[], db: DatabasePlan, rel: { version: string; desc: string }) {
  const steps = [`miniprogram-ci upload dist/ as version ${rel.version} — "${rel.desc}" (robot 1)`]
  for (const f of fns) {
    steps.push(`cloud.uploadFunction ${f.name} to ${s.envId} (index.js, config.json, package.json; remote npm install)`)
    if (f.trigger) steps.push(`cloud.createTimeTrigger ${f.name}: ${f.trigger.name} "${f.trigger.config}"`)
  }
  for (const call of db.calls) steps.push(`POST api.weixin.qq.com/${call.path}: ${call.title}`)
  return steps
}

async function upload(
  opts: DeployOptions,
  s: DeploySettings,
  fns: FunctionPlan[],
  rel: { version: string; desc: string },
) {
  const { Project, upload: uploadApp, cloud } = ci()
  const project = new Project({
    appid: s.appid,
    type: 'miniProgram',
    projectPath: opts.paths.distDir,
    privateKeyPath: s.keyPath,
    ignores: ['node_modules/**/*', '**/*.map'],
  })
  opts.log('uploading the mini-program…')
  await uploadApp({ project, version: rel.version, desc: rel.desc, robot: 1, setting: { es6: false, minify: false } })
  for (const f of fns) {
    opts.log(`uploading cloud function ${f.name}…`)
    await cloud.uploadFunction({ project, env: s.envId, name: f.name, path: f.dir, remoteNpmInstall: true })
    if (f.trigger) {
      const answer = await cloud.createTimeTrigger({
        project,
        envId: s.envId,
        functionName: f.name,
        triggersConfig: [f.trigger],
      })
      // miniprogram-ci answers a refused trigger with a sentence instead of an error.
      if (answer !== '创建定时触发器成功') throw new Error(`timer of ${f.name}: ${answer}`)
    }
  }
}

export async function deploy(opts: DeployOptions): Promise<boolean> {
  const { log, paths } = opts
  log(`deploy${opts.dryRun ? ' (dry run: checks only, nothing is uploaded)' : ''}`)
  const { settings, result: settingsCheck } = readSettings(opts.envFile)
  report(settingsCheck, log)
  const problems = [...settingsCheck.problems]
  if (opts.build && problems.length === 0) {
    await buildFunctions()
    buildWeapp(paths.root, settings.envId, log)
    if (!builtFor(paths.distDir, settings.envId))
      problems.push(`dist/ does not carry the environment id ${settings.envId}`)
  }
  const { plans, result: fnCheck } = checkFunctions(paths)
  const weappCheck = await checkWeapp(paths, ci().schemaValidate as Parameters<typeof checkWeapp>[1])
  for (const r of [fnCheck, weappCheck]) report(r, log)
  problems.push(...fnCheck.problems, ...weappCheck.problems)
  const schema = loadSchema(paths.databaseDir)
  const dbCheck: CheckResult = { ok: [], problems: [] }
  for (const c of Object.values(COLLECTIONS).filter((name) => !schema.has(name))) {
    dbCheck.problems.push(`database/${c}.json is missing: the functions use collection ${c}`)
  }
  if (dbCheck.problems.length === 0)
    dbCheck.ok.push(`database/: ${schema.size} collections with their rules and indexes`)
  report(dbCheck, log)
  problems.push(...dbCheck.problems)
  const db = databasePlan(schema, settings.envId, settings.appSecret !== '')
  if (problems.length > 0) {
    log(`${problems.length} problem(s): nothing was uploaded.`)
    return false
  }
  const rel = release(paths.root)
  log(opts.dryRun ? 'would run:' : 'running:')
  stepsOf(settings, plans, db, rel).forEach((step, i) => log(`  ${i + 1}. ${step}`))
  if (!opts.dryRun) {
    await upload(opts, settings, plans, rel)
    if (db.calls.length > 0) await applyDatabase(db, settings.appid, settings.appSecret, log)
  }
  log(`then in the console (no API for these; docs/go-live.md has the rest):`)
  db.checklist.forEach((line) => log(`  [ ] ${line}`))
  log(opts.dryRun ? 'dry run passed.' : 'deployed.')
  return true
}

function parseArgs(argv: string[]): Pick<DeployOptions, 'dryRun' | 'build' | 'envFile'> {
  const envAt = argv.indexOf('--env-file')
  return {
    dryRun: argv.includes('--dry-run'),
    build: !argv.includes('--no-build'),
    envFile: path.resolve(envAt >= 0 ? argv[envAt + 1] : path.join(ROOT, '.env')),
  }
}

if (require.main === module) {
  deploy({ ...parseArgs(process.argv.slice(2)), paths: DEFAULT_PATHS, log: (line) => console.log(line) })
    .then((ok) => process.exit(ok ? 0 : 1))
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
