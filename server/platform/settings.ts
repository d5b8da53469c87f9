/** Programme targets, set per environment on the admin function (the federation's numbers, not code's). */
export function programmeTargets(env: NodeJS.ProcessEnv = process.env): { courses: number; workers: number } {
  const read = (name: string, fallback: number) => {
    const n = Number(env[name])
    return Number.isInteger(n) && n > 0 ? n : fallback
  }
  // "百日百课，万名职工": the Hangzhou programme's published goals, used when none are configured.
  return { courses: read('PROGRAMME_TARGET_COURSES', 100), workers: read('PROGRAMME_TARGET_WORKERS', 10_000) }
}
