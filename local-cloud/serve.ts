import fs from 'node:fs'
import path from 'node:path'
import { LocalCloud } from './index'
import { DEFAULT_DB_FILE, H5_DIR } from './config'
import { COLLECTIONS } from '../server/collections'
import { DEFAULT_PORT, startGateway } from './gateway'
import { seedDemo } from './seed/demo'
import { scheduleTriggers } from './timers'

export interface ServeOptions {
  empty?: boolean
  /** Start from a freshly seeded demo even if the database has data. */
  fresh?: boolean
  port?: number
}

/** Opens the development database (seeding the demo on first use), the gateway and the timers. */
export async function serve(options: ServeOptions = {}): Promise<void> {
  fs.mkdirSync(path.dirname(DEFAULT_DB_FILE), { recursive: true })
  const cloud = new LocalCloud({ dbFile: DEFAULT_DB_FILE })
  if (options.empty) cloud.store.clear()
  else if (options.fresh || cloud.store.count(COLLECTIONS.courses, {}) === 0) seedDemo(cloud.store, { activity: true })
  const gateway = await startGateway(cloud, {
    port: options.port ?? (process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT),
    host: process.env.HOST,
    allowNonLoopback: process.env.LOCAL_CLOUD_ALLOW_NON_LOOPBACK === '1',
    staticDir: H5_DIR,
  })
  const stopTimers = scheduleTriggers(cloud)
  const h5 = fs.existsSync(path.join(H5_DIR, 'index.html'))
  console.log(`
新质课堂 local cloud is running
  app (H5):     ${gateway.url}${h5 ? '' : '   (not built yet: npm run build:h5)'}
  functions:    POST ${gateway.url}api/<function>  {"action": ...}  header X-OpenID
  database:     ${DEFAULT_DB_FILE}
  accounts:     o_worker_001 … o_worker_200 (workers), o_staff_demo (staff)
Press Ctrl+C to stop.`)
  const stop = async () => {
    stopTimers()
    await gateway.close()
    cloud.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}
