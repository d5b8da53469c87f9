/**
 * What `npm run deploy` checks before it uploads anything, all offline: the deploy settings in .env,
 * each cloud function's bundle and config.json, the weapp's JSON against WeChat's own schemas, and the
 * package sizes WeChat would refuse (or that this project keeps as its budget).
 */
import { createPrivateKey } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseEnv } from 'node:util'
import { Cron } from 'croner'

export interface DeployPaths {
  root: string
  functionsDir: string
  distDir: string
  databaseDir: string
}

export interface DeploySettings {
  envId: string
  appid: string
  keyPath: string
  /** Optional: lets the deploy create collections and indexes through WeChat's HTTP API. */
  appSecret: string
}

export interface CheckResult {
  ok: string[]
  problems: string[]
}

export interface FunctionPlan {
  name: string
  dir: string
  timeout: number
  openapi: string[]
  trigger: { name: string; type: 'timer'; config: string } | null
}

/** The open-API permissions WeChat knows for cloud calls that a project like this one may list. */
export const KNOWN_OPENAPI = new Set([
  'subscribeMessage.send',
  'subscribeMessage.addTemplate',
  'subscribeMessage.getTemplateList',
  'wxacode.getUnlimited',
  'wxacode.get',
  'wxacode.createQRCode',
  'phonenumber.getPhoneNumber',
  'security.msgSecCheck',
  'security.imgSecCheck',
  'security.mediaCheckAsync',
  'customerServiceMessage.send',
  'uniformMessage.send',
  'urlscheme.generate',
  'urllink.generate',
])

/** The console's limit for a function's timeout, in seconds. */
const MAX_TIMEOUT_S = 60
const MAIN_PACKAGE_BUDGET = 0.8 * 1024 * 1024
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024
const TOTAL_LIMIT = 20 * 1024 * 1024

export function readSettings(envFile: string): { settings: DeploySettings; result: CheckResult } {
  const result: CheckResult = { ok: [], problems: [] }
  const values = fs.existsSync(envFile) ? parseEnv(fs.readFileSync(envFile, 'utf8')) : {}
  const get = (name: string) => (values[name] ?? process.env[name] ?? '').trim()
  const settings: DeploySettings = {
    envId: get('TARO_APP_CLOUD_ENV'),
    appid: get('WX_APPID'),
    keyPath: get('WX_UPLOAD_KEY') ? path.resolve(path.dirname(envFile), get('WX_UPLOAD_KEY')) : '',
    appSecret: get('WX_APPSECRET'),
  }
  if (!fs.existsSync(envFile)) result.problems.push(`${envFile} is missing: copy .env.example to .env and fill it in`)
  if (!/^[A-Za-z0-9-]{4,64}$/.test(settings.envId) || settings.envId === 'your-env-id') {
    result.problems.push('TARO_APP_CLOUD_ENV is not set to a cloud environment id (云开发控制台 → 环境 ID)')
  } else result.ok.push(`cloud environment ${settings.envId}`)
  if (!/^wx[0-9a-f]{16}$/.test(settings.appid)) {
    result.problems.push('WX_APPID is not an AppID (wx + 16 hex digits; 小程序后台 → 开发管理 → 开发设置)')
  } else result.ok.push(`AppID ${settings.appid}`)
  result.problems.push(...keyProblems(settings.keyPath))
  if (settings.keyPath && keyProblems(settings.keyPath).length === 0) result.ok.push(`upload key ${settings.keyPath}`)
  return { settings, result }
}

function keyProblems(keyPath: string): string[] {
  const where = '小程序后台 → 开发管理 → 开发设置 → 小程序代码上传密钥'
  if (!keyPath) return [`WX_UPLOAD_KEY is not set: the path of the code upload private key (${where})`]
  if (!fs.existsSync(keyPath)) return [`WX_UPLOAD_KEY: ${keyPath} does not exist (${where})`]
  try {
    createPrivateKey(fs.readFileSync(keyPath))
    return []
  } catch {
    return [`WX_UPLOAD_KEY: ${keyPath} is not a private key (download it again: ${where})`]
  }
}

export function checkFunctions(paths: DeployPaths): { plans: FunctionPlan[]; result: CheckResult } {
  const result: CheckResult = { ok: [], problems: [] }
  const names = fs
    .readdirSync(paths.functionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(paths.functionsDir, d.name, 'config.json')))
    .map((d) => d.name)
    .sort()
  const plans: FunctionPlan[] = []
  for (const name of names) {
    const problems = checkFunction(path.join(paths.functionsDir, name)).map((p) => `cloudfunctions/${name}: ${p}`)
    result.problems.push(...problems)
    if (problems.length > 0) continue
    const plan = functionPlan(name, path.join(paths.functionsDir, name))
    plans.push(plan)
    const trigger = plan.trigger ? `, timer ${plan.trigger.name} "${plan.trigger.config}"` : ''
    result.ok.push(
      `cloud function ${name}: bundled, timeout ${plan.timeout} s, openapi [${plan.openapi.join(', ')}]${trigger}`,
    )
  }
  if (names.length === 0) result.problems.push(`no cloud functions under ${paths.functionsDir}`)
  return { plans, result }
}

interface RawConfig {
  timeout?: unknown
  permissions?: { openapi?: unknown }
  triggers?: unknown
}

function functionPlan(name: string, dir: string): FunctionPlan {
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as RawConfig
  const triggers = (config.triggers ?? []) as FunctionPlan['trigger'][]
  return {
    name,
    dir,
    timeout: (config.timeout as number | undefined) ?? 3,
    openapi: (config.permissions?.openapi ?? []) as string[],
    trigger: triggers[0] ?? null,
  }
}

function checkFunction(dir: string): string[] {
  const problems: string[] = []
  let config: RawConfig
  try {
    config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as RawConfig
  } catch (err) {
    return [`config.json is not valid JSON (${(err as Error).message})`]
  }
  const unknownKeys = Object.keys(config).filter((k) => !['timeout', 'permissions', 'triggers'].includes(k))
  if (unknownKeys.length) problems.push(`config.json has unknown keys: ${unknownKeys.join(', ')}`)
  const timeout = config.timeout ?? 3
  if (!Number.isInteger(timeout) || (timeout as number) < 1 || (timeout as number) > MAX_TIMEOUT_S) {
    problems.push(`timeout ${String(timeout)} s: give whole seconds from 1 to ${MAX_TIMEOUT_S}`)
  }
  const bundle = path.join(dir, 'index.js')
  const source = fs.existsSync(bundle) ? fs.readFileSync(bundle, 'utf8') : ''
  if (!source) problems.push('index.js is missing: run `npm run build:functions`')
  else if (
    fs.existsSync(path.join(dir, 'index.ts')) &&
    fs.statSync(bundle).mtimeMs < fs.statSync(path.join(dir, 'index.ts')).mtimeMs
  ) {
    problems.push('index.js is older than index.ts: run `npm run build:functions`')
  }
  problems.push(...permissionProblems(config.permissions?.openapi ?? [], source))
  problems.push(...triggerProblems(config.triggers ?? []))
  problems.push(...packageProblems(dir))
  return problems
}

function permissionProblems(openapi: unknown, bundle: string): string[] {
  if (!Array.isArray(openapi) || openapi.some((p) => typeof p !== 'string'))
    return ['permissions.openapi must list names']
  const problems = openapi.filter((p) => !KNOWN_OPENAPI.has(p)).map((p) => `unknown open-API permission "${p}"`)
  // Least privilege both ways: every listed permission is called, every call is listed.
  const called = new Set([...bundle.matchAll(/openapi\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`))
  for (const p of openapi) if (bundle && !called.has(p)) problems.push(`lists "${p}" but never calls it`)
  for (const c of called)
    if (!openapi.includes(c)) problems.push(`calls openapi.${c} without listing it in permissions`)
  return problems
}

function triggerProblems(triggers: unknown): string[] {
  if (!Array.isArray(triggers)) return ['triggers must be a list']
  if (triggers.length > 1) return ['WeChat allows one timer trigger per function']
  return triggers.flatMap((t: { name?: unknown; type?: unknown; config?: unknown }) => {
    const problems: string[] = []
    if (typeof t.name !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(t.name))
      problems.push('trigger needs a name')
    if (t.type !== 'timer') problems.push(`trigger type "${String(t.type)}": only timer`)
    const fields = typeof t.config === 'string' ? t.config.trim().split(/\s+/) : []
    if (fields.length !== 7)
      return [...problems, `trigger "${String(t.config)}": WeChat expects 7 fields (s m h d M w y)`]
    if (!/^\d+$/.test(fields[0])) problems.push(`trigger "${String(t.config)}" fires more than once a minute`)
    try {
      new Cron(fields.slice(0, 6).join(' '), { paused: true }).stop()
    } catch (err) {
      problems.push(`trigger "${String(t.config)}": ${(err as Error).message}`)
    }
    return problems
  })
}

function packageProblems(dir: string): string[] {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: object }
    const deps = Object.keys(pkg.dependencies ?? {})
    return deps.length === 1 && deps[0] === 'wx-server-sdk' ? [] : ['package.json must depend on wx-server-sdk only']
  } catch {
    return ['package.json is missing or not JSON']
  }
}

interface AppJson {
  pages?: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
}

type Validate = (kind: 'app' | 'page' | 'sitemap', json: unknown) => unknown

/** app.json and page JSON through `ci.schemaValidate` (WeChat's schemas, offline), then the sizes. */
export async function checkWeapp(paths: DeployPaths, validate: Validate): Promise<CheckResult> {
  const result: CheckResult = { ok: [], problems: [] }
  const appFile = path.join(paths.distDir, 'app.json')
  if (!fs.existsSync(appFile)) return { ok: [], problems: [`${appFile} is missing: run \`npm run build:weapp\``] }
  const app = JSON.parse(fs.readFileSync(appFile, 'utf8')) as AppJson
  const subs = app.subPackages ?? app.subpackages ?? []
  const pages = [...(app.pages ?? []), ...subs.flatMap((s) => s.pages.map((p) => path.posix.join(s.root, p)))]
  const checks: [string, 'app' | 'page' | 'sitemap'][] = [
    ['app.json', 'app'],
    ...pages.map((p) => [`${p}.json`, 'page'] as [string, 'page']),
  ]
  if (fs.existsSync(path.join(paths.distDir, 'sitemap.json'))) checks.push(['sitemap.json', 'sitemap'])
  for (const [file, kind] of checks) {
    const full = path.join(paths.distDir, file)
    if (!fs.existsSync(full)) {
      result.problems.push(`dist/${file} is missing`)
      continue
    }
    const answer = (await validate(kind, JSON.parse(fs.readFileSync(full, 'utf8')))) as { error?: unknown[] }
    for (const e of answer.error ?? []) result.problems.push(`dist/${file}: ${JSON.stringify(e)}`)
  }
  result.ok.push(`app.json and ${pages.length} page JSON files pass WeChat's schemas`)
  result.problems.push(
    ...sizeProblems(
      paths.distDir,
      subs.map((s) => s.root.replace(/\/$/, '')),
      result.ok,
    ),
  )
  return result
}

function sizeOf(dir: string, skip: (rel: string) => boolean, rel = ''): number {
  let total = 0
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = path.posix.join(rel, entry.name)
    if (skip(child)) continue
    total += entry.isDirectory() ? sizeOf(dir, skip, child) : fs.statSync(path.join(dir, child)).size
  }
  return total
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`

function sizeProblems(dist: string, roots: string[], ok: string[]): string[] {
  const problems: string[] = []
  const isMap = (rel: string) => rel.endsWith('.map')
  const main = sizeOf(dist, (rel) => roots.includes(rel) || isMap(rel))
  const total = sizeOf(dist, isMap)
  if (main >= MAIN_PACKAGE_BUDGET)
    problems.push(`main package ${mb(main)} is over the ${mb(MAIN_PACKAGE_BUDGET)} budget`)
  else ok.push(`main package ${mb(main)} (budget ${mb(MAIN_PACKAGE_BUDGET)})`)
  for (const root of roots.filter((r) => fs.existsSync(path.join(dist, r)))) {
    const size = sizeOf(path.join(dist, root), isMap)
    if (size >= SUBPACKAGE_LIMIT)
      problems.push(`subpackage ${root} ${mb(size)} is over WeChat's ${mb(SUBPACKAGE_LIMIT)}`)
    else ok.push(`subpackage ${root} ${mb(size)}`)
  }
  if (total >= TOTAL_LIMIT) problems.push(`the whole mini-program ${mb(total)} is over ${mb(TOTAL_LIMIT)}`)
  return problems
}
