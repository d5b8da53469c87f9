/** `npm run bench`: every benchmark in turn. Each prints its figures; timing goals live here, not in tests. */
import { execSync } from 'node:child_process'
import path from 'node:path'

const benches = ['enroll.ts', 'faults.ts', 'checkin.ts', 'reminders.ts']
for (const file of benches) {
  console.log(`\n=== ${file} ===`)
  execSync(`${process.execPath} --import tsx ${path.join(__dirname, file)}`, { stdio: 'inherit' })
}
