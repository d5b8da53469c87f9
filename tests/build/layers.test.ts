import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Proves the layer rules in .dependency-cruiser.js bite: a temporary copy of the tree gets one small file per
 * forbidden import, the checker runs over the copy, and each planted file must be reported under exactly the
 * rule it breaks (and the allowed imports under none). The unplanted copy of the app must pass.
 */
const ROOT = path.resolve(__dirname, '../..')
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise')

/** Any file of a server feature other than its public entry, so the plant survives that feature's reshaping. */
function internalOf(feature: string): string {
  const files = fs.readdirSync(path.join(ROOT, 'server', feature)).filter((f) => /^[\w-]+\.ts$/.test(f))
  const internal = files.find((f) => f !== 'index.ts' && !f.endsWith('.test.ts'))
  if (!internal) throw new Error(`server/${feature} has no file besides its entry`)
  return internal.replace(/\.ts$/, '')
}

interface Plant {
  file: string
  code: string
  /** Rules the file must be reported under; empty for an import the rules allow. */
  rules: string[]
}

const PLANTS: Plant[] = [
  { file: 'src/hooks/planted-page.ts', code: "import '@/pages/catalog/index'", rules: ['hooks-never-import-pages'] },
  { file: 'src/utils/planted.ts', code: "import '@/services/catalog'", rules: ['utils-are-leaves'] },
  { file: 'src/services/planted.ts', code: "import '@/hooks/use-now'", rules: ['services-are-the-bottom'] },
  {
    file: 'src/components/planted-service/index.tsx',
    code: "import '@/services/catalog'",
    rules: ['components-are-pure-ui'],
  },
  {
    file: 'src/components/planted-staff-lib/index.tsx',
    code: "import '@/package-staff/lib/progress'",
    rules: ['shared-code-stays-out-of-subpackages'],
  },
  {
    file: 'src/hooks/planted-staff.ts',
    code: "import '@/package-staff/hooks/use-staff-summary'",
    rules: ['shared-code-stays-out-of-subpackages'],
  },
  {
    file: 'src/utils/planted-staff.ts',
    code: "import '@/package-staff/routes'",
    rules: ['shared-code-stays-out-of-subpackages'],
  },
  {
    file: 'src/services/planted-staff.ts',
    code: "import '@/package-staff/lib/progress'",
    rules: ['shared-code-stays-out-of-subpackages'],
  },
  { file: 'src/pages/planted/index.tsx', code: "import '@/services/catalog'", rules: ['pages-go-through-hooks'] },
  {
    file: 'src/package-staff/pages/planted/index.tsx',
    code: "import '@/services/admin'",
    rules: ['pages-go-through-hooks'],
  },
  { file: 'src/package-staff/hooks/planted.ts', code: "import '@/services/admin'", rules: [] },
  {
    file: 'src/package-outcomes/planted.ts',
    code: "import '@/package-staff/lib/progress'",
    rules: ['subpackages-stay-apart'],
  },
  {
    file: 'server/catalog/planted-repo.ts',
    code: "import * as courses from '../repos/course-repo'\nexport const repo = courses",
    rules: ['use-cases-take-repositories'],
  },
  {
    file: 'server/catalog/planted-cloud.ts',
    code: "import '../cloud'",
    rules: ['use-cases-take-repositories'],
  },
  {
    file: 'server/catalog/planted-type.ts',
    code: "import type { CourseRepo } from '../repos/course-repo'\nexport type Repo = CourseRepo",
    rules: [],
  },
  {
    file: 'server/admin/planted-internals.ts',
    code: `import '../enrollment/${internalOf('enrollment')}'`,
    rules: ['features-meet-at-public-entries'],
  },
  { file: 'server/admin/planted-entry.ts', code: "import '../enrollment'", rules: [] },
]

interface Violation {
  rule: string
  from: string
  to: string
}

// `npm run check:layers` prints one line per violation: "error <rule>: <from> → <to>".
// eslint-disable-next-line no-control-regex -- ANSI escapes start with the ESC control character.
const ANSI_STYLE = /\u001b\[[0-9;]*m/g
const VIOLATION = /^\s*error ([\w-]+): (\S+) → (\S+)\s*$/

function copyTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'))
  for (const part of ['src', 'core', 'server']) {
    fs.cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true })
  }
  for (const file of ['.dependency-cruiser.js', 'tsconfig.json']) {
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file))
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  // The repository's rules unchanged; only the linked node_modules must keep its name for the rules to match it.
  fs.writeFileSync(
    path.join(dir, 'layers.config.js'),
    "module.exports = { extends: './.dependency-cruiser.js', options: { preserveSymlinks: true } }\n",
  )
  return dir
}

function cruise(dir: string, roots: string[]): { status: number | null; violations: Violation[] } {
  const run = spawnSync(DEPCRUISE, [...roots, '--config', 'layers.config.js'], {
    cwd: dir,
    encoding: 'utf8',
    // CI runners often set FORCE_COLOR; coloured "error" words would hide every line from the parser below.
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  })
  if (run.error) throw run.error
  const violations = run.stdout.split('\n').flatMap((line) => {
    const match = VIOLATION.exec(line.replace(ANSI_STYLE, ''))
    return match ? [{ rule: match[1], from: match[2], to: match[3] }] : []
  })
  // A checker that died or failed to start reports nothing a rule could match: say why instead of a bare diff.
  if (run.signal || (run.status !== 0 && violations.length === 0)) {
    throw new Error(`depcruise ended with status ${run.status}, signal ${run.signal}:\n${run.stderr}\n${run.stdout}`)
  }
  return { status: run.status, violations }
}

describe('layer rules', () => {
  let dir: string

  beforeAll(() => {
    dir = copyTree()
  })

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('pass on the app and the core as they are', () => {
    const { status, violations } = cruise(dir, ['src', 'core'])
    expect(violations).toEqual([])
    expect(status).toBe(0)
  })

  it('report each planted import under the rule it breaks, and none for the allowed ones', () => {
    for (const plant of PLANTS) {
      fs.mkdirSync(path.dirname(path.join(dir, plant.file)), { recursive: true })
      fs.writeFileSync(path.join(dir, plant.file), `${plant.code}\n`)
    }
    // One run over all planted files; each violation names the file it comes from, so each plant is judged alone.
    const { status, violations } = cruise(
      dir,
      PLANTS.map((plant) => plant.file),
    )
    expect(status).not.toBe(0)
    const found = Object.fromEntries(
      PLANTS.map((plant) => [
        plant.file,
        [...new Set(violations.filter((v) => v.from === plant.file).map((v) => v.rule))].sort(),
      ]),
    )
    const expected = Object.fromEntries(PLANTS.map((plant) => [plant.file, [...plant.rules].sort()]))
    expect(found).toEqual(expected)
  })
})
