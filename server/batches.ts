/** How many writes one step sends at once: quick, but well below the cloud's concurrency quota. */
export const WRITE_CONCURRENCY = 10

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += limit) out.push(...(await Promise.all(items.slice(i, i + limit).map(work))))
  return out
}
