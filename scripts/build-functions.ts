/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts plus the shared server code and pure
 * core) into one CommonJS index.js that WeChat DevTools uploads as is. wx-server-sdk stays external:
 * the cloud installs it from the function's package.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(__dirname, '..')
const functionsDir = path.join(root, 'cloudfunctions')

export async function buildFunctions(): Promise<string[]> {
  const names = fs
    .readdirSync(functionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(functionsDir, d.name, 'index.ts')))
    .map((d) => d.name)
  await Promise.all(
    names.map(async (name) => {
      const dir = path.join(functionsDir, name)
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>
      }
      const deps = Object.keys(pkg.dependencies ?? {})
      if (deps.length !== 1 || deps[0] !== 'wx-server-sdk') {
        throw new Error(`cloudfunctions/${name}/package.json must depend on wx-server-sdk only`)
      }
      await build({
        entryPoints: [path.join(dir, 'index.ts')],
        outfile: path.join(dir, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        legalComments: 'none',
        logLevel: 'warning',
        banner: { js: '// Built by `npm run build:functions` from index.ts — do not edit.' },
      })
    }),
  )
  return names
}

if (require.main === module) {
  const started = Date.now()
  buildFunctions()
    .then((names) =>
      console.log(`built ${names.length} cloud functions (${names.join(', ')}) in ${Date.now() - started} ms`),
    )
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
