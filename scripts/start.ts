/**
 * `npm start`: builds what is missing (the cloud functions always — it takes milliseconds; the H5 app
 * when it is absent or older than the sources, or with --rebuild), then serves the local cloud with the
 * demo programme. `--fresh` reseeds the demo; `--empty` starts with an empty database.
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { buildFunctions } from './build-functions'
import { serve } from '../local-cloud/serve'
import { H5_DIR, ROOT } from '../local-cloud/config'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2))
  await buildFunctions()
  const index = path.join(H5_DIR, 'index.html')
  const stale =
    !fs.existsSync(index) ||
    fs.statSync(index).mtimeMs < Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'config')))
  if (stale || args.has('--rebuild')) {
    console.log('building the H5 app (about half a minute)…')
    execSync('npm run build:h5', { cwd: ROOT, stdio: 'inherit' })
  }
  await serve({ fresh: args.has('--fresh'), empty: args.has('--empty') })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
