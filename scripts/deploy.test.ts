/**
 * `npm run deploy -- --dry-run` with a placeholder AppID and a generated key: it checks everything
 * offline, prints every step it would take, and refuses (uploading nothing) when a setting, a function
 * config or the weapp build is wrong.
 */
import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunctions } from './build-functions'
import { DEFAULT_PATHS, deploy, type DeployOptions } from './deploy'

jest.setTimeout(30_000)

let dir: string

beforeAll(async () => {
  await buildFunctions()
})
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-deploy-'))
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
  fs.writeFileSync(path.join(dir, 'private.key'), privateKey.export({ type: 'pkcs1', format: 'pem' }))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function writeEnv(lines: Record<string, string>): string {
  const file = path.join(dir, '.env')
  fs.writeFileSync(
    file,
    Object.entries(lines)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  )
  return file
}

const placeholder = {
  TARO_APP_CLOUD_ENV: 'xz-test-1a2b3c',
  WX_APPID: 'wx0123456789abcdef',
  WX_UPLOAD_KEY: 'private.key',
}

async function dryRun(options: Partial<DeployOptions> = {}): Promise<{ ok: boolean; out: string }> {
  const lines: string[] = []
  const ok = await deploy({
    dryRun: true,
    build: false,
    envFile: options.envFile ?? writeEnv(placeholder),
    paths: DEFAULT_PATHS,
    log: (line) => lines.push(line),
    ...options,
  })
  return { ok, out: lines.join('\n') }
}

/** A copy of the real functions' files, to break one thing at a time. */
function copyFunctions(): string {
  const target = path.join(dir, 'cloudfunctions')
  for (const name of fs.readdirSync(DEFAULT_PATHS.functionsDir)) {
    const from = path.join(DEFAULT_PATHS.functionsDir, name)
    if (!fs.existsSync(path.join(from, 'config.json'))) continue
    fs.mkdirSync(path.join(target, name), { recursive: true })
    for (const file of ['config.json', 'package.json', 'index.js']) {
      fs.copyFileSync(path.join(from, file), path.join(target, name, file))
    }
  }
  return target
}

describe('deploy --dry-run', () => {
  it('passes with a placeholder AppID and key, and lists every upload, trigger and console step', async () => {
    const { ok, out } = await dryRun()
    expect(out).not.toContain('✗')
    expect(ok).toBe(true)
    const { version } = JSON.parse(fs.readFileSync(path.join(DEFAULT_PATHS.root, 'package.json'), 'utf8'))
    expect(out).toContain(`miniprogram-ci upload dist/ as version ${version}`)
    for (const name of ['admin', 'catalog', 'checkin', 'enrollment', 'reminders', 'user']) {
      expect(out).toMatch(new RegExp(`cloud.uploadFunction ${name} to xz-test-1a2b3c .*remote npm install`))
    }
    expect(out).toContain('cloud.createTimeTrigger checkin: countNoShows "0 */10 * * * * *"')
    expect(out).toMatch(/main package 0\.\d\d MB \(budget 0\.80 MB\)/)
    expect(out).toContain("pass WeChat's schemas")
    expect(out).toMatch(/✓ database\/: \d+ collections with their rules and indexes/)
    // Without an AppSecret the collections and indexes are console steps too.
    expect(out).toContain('集合 lessons → 索引管理 → 添加索引：索引名称 shortId，索引属性 唯一，索引字段 shortId 升序')
    expect(out).toContain('集合 users → 数据权限 → 自定义安全规则 → 填入 {"read":false,"write":false}')
    expect(out).not.toMatch(/uploading|deployed\./)
    expect(out).toMatch(/dry run passed\.$/)
  })

  it('with an AppSecret plans the collections and indexes as API calls, keeping permission rules as console steps', async () => {
    const envFile = writeEnv({ ...placeholder, WX_APPSECRET: 'placeholder-secret' })
    const { ok, out } = await dryRun({ envFile })
    expect(ok).toBe(true)
    expect(out).toContain('POST api.weixin.qq.com/tcb/databasecollectionadd: create collection enrollments')
    expect(out).toContain('POST api.weixin.qq.com/tcb/updateindex: index lessons.shortId (unique)')
    expect(out).not.toContain('添加索引')
    expect(out).toContain('集合 enrollments → 数据权限 → 自定义安全规则')
  })

  it('refuses without a real environment id, AppID or key, saying where each comes from', async () => {
    const envFile = writeEnv({ TARO_APP_CLOUD_ENV: 'your-env-id', WX_APPID: 'touristappid', WX_UPLOAD_KEY: 'nope.key' })
    const { ok, out } = await dryRun({ envFile })
    expect(ok).toBe(false)
    expect(out).toContain('✗ TARO_APP_CLOUD_ENV is not set to a cloud environment id')
    expect(out).toContain('✗ WX_APPID is not an AppID')
    expect(out).toMatch(/✗ WX_UPLOAD_KEY: .*nope\.key does not exist \(小程序后台/)
    expect(out).not.toContain('would run')
  })

  it('refuses when a collection the functions use has no file in database/', async () => {
    const databaseDir = path.join(dir, 'database')
    fs.mkdirSync(databaseDir)
    for (const file of fs.readdirSync(DEFAULT_PATHS.databaseDir).filter((f) => f !== 'lessons.json')) {
      fs.copyFileSync(path.join(DEFAULT_PATHS.databaseDir, file), path.join(databaseDir, file))
    }
    const { ok, out } = await dryRun({ paths: { ...DEFAULT_PATHS, databaseDir } })
    expect(ok).toBe(false)
    expect(out).toContain('database/lessons.json is missing: the functions use collection lessons')
  })

  it('refuses a key file that is not a private key', async () => {
    fs.writeFileSync(path.join(dir, 'private.key'), 'not a key')
    const { ok, out } = await dryRun()
    expect(ok).toBe(false)
    expect(out).toContain('is not a private key')
  })

  it('refuses function configs WeChat would reject or that grant more than the code uses', async () => {
    const functionsDir = copyFunctions()
    const edit = (name: string, config: object) =>
      fs.writeFileSync(path.join(functionsDir, name, 'config.json'), JSON.stringify(config))
    edit('checkin', { timeout: 900, permissions: { openapi: ['wxacode.getUnlimited', 'subscribeMessage.send'] } })
    edit('enrollment', { triggers: [{ name: 'sweep', type: 'timer', config: '0 */5 * * * *' }] })
    edit('reminders', {
      permissions: { openapi: ['subscribeMessage.send', 'cloud.everything'] },
      triggers: [{ name: 'sweep', type: 'timer', config: '* * * * * * *' }],
    })
    edit('user', { permissions: { openapi: [] } })
    const { ok, out } = await dryRun({ paths: { ...DEFAULT_PATHS, functionsDir } })
    expect(ok).toBe(false)
    expect(out).toContain('✗ cloudfunctions/checkin: timeout 900 s: give whole seconds from 1 to 60')
    expect(out).toContain('✗ cloudfunctions/checkin: lists "subscribeMessage.send" but never calls it')
    expect(out).toContain('✗ cloudfunctions/enrollment: trigger "0 */5 * * * *": WeChat expects 7 fields')
    expect(out).toContain('✗ cloudfunctions/reminders: unknown open-API permission "cloud.everything"')
    expect(out).toContain('✗ cloudfunctions/reminders: trigger "* * * * * * *" fires more than once a minute')
    expect(out).toContain('✗ cloudfunctions/user: calls openapi.phonenumber.getPhoneNumber without listing it')
    expect(out).toContain('✓ cloud function catalog')
  })

  it("refuses a weapp whose app.json breaks WeChat's schema or whose main package is over budget", async () => {
    const distDir = path.join(dir, 'dist')
    fs.mkdirSync(path.join(distDir, 'pages', 'a'), { recursive: true })
    fs.writeFileSync(
      path.join(distDir, 'app.json'),
      JSON.stringify({ pages: ['pages/a/index'], window: { navigationBarTextStyle: 'purple' } }),
    )
    fs.writeFileSync(path.join(distDir, 'pages', 'a', 'index.json'), '{}')
    fs.writeFileSync(path.join(distDir, 'vendors.js'), Buffer.alloc(900 * 1024, 32))
    const { ok, out } = await dryRun({ paths: { ...DEFAULT_PATHS, distDir } })
    expect(ok).toBe(false)
    expect(out).toMatch(/✗ dist\/app\.json: .*window\.navigationBarTextStyle/)
    expect(out).toMatch(/✗ main package 0\.8\d MB is over the 0\.80 MB budget/)
  })
})
