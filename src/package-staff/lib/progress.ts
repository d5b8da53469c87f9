/** Shown where a share has nothing to divide by (no seats yet, no lessons held). */
export const NO_SHARE = '—'

/**
 * "7.5%", "42%": one decimal under 10 % where a tenth still tells weeks apart, whole numbers above.
 * A share short of the whole never reads 100 %, so a report does not claim a target not yet met.
 */
export function formatShare(part: number, whole: number): string {
  if (!(whole > 0) || !Number.isFinite(part)) return NO_SHARE
  if (part <= 0) return '0%'
  const pct = (part / whole) * 100
  // "0.0%" would read as nobody at all.
  if (pct < 0.05) return '<0.1%'
  if (pct < 9.95) return `${pct.toFixed(1)}%`
  const rounded = Math.round(pct)
  return `${rounded >= 100 && part < whole ? 99 : rounded}%`
}

/** Width of a bar's fill, 0–100; over-target figures fill the bar and no more. */
export function fillWidth(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0
  return Math.min(100, (part / whole) * 100)
}

/** "10,000": figures in the thousands are read aloud at meetings; separators help. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
