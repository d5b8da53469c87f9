/** How a course's industries read on a card or the course page. */

/** Beyond this many, a card names the first few and counts the rest, so it keeps to one line or two. */
const SHOWN = 3

/** "制造业、交通物流"; "所有行业" for an empty list (the course suits everybody). */
export function suitsText(industries: readonly string[], all = false): string {
  if (industries.length === 0) return '所有行业'
  if (all || industries.length <= SHOWN) return industries.join('、')
  return `${industries.slice(0, SHOWN).join('、')} 等 ${industries.length} 个行业`
}
