/** The platform refused a request for its quota (-501003 rate, -501004 connections): it had no effect and may be retried. */
export function isQuotaRefusal(err: unknown): boolean {
  const code = (err as { errCode?: number } | null)?.errCode
  return code === -501003 || code === -501004
}
