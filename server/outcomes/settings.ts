/** The issuer printed on certificates, set per environment on the outcomes function (`UNION_NAME`). */
export function issuerName(env: NodeJS.ProcessEnv = process.env): string {
  const name = (env.UNION_NAME ?? '').trim()
  return name ? Array.from(name).slice(0, 30).join('') : '新质课堂'
}
