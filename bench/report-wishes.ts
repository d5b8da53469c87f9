/**
 * The course wishes of `npm run bench:report`: 500 wishes (450 published, 50 waiting for staff) and
 * their votes from the programme's workers, who name an industry in their profile (every fifth does
 * not), so the staff list's per-industry breakdown has something to join.
 */
import { INDUSTRIES } from '@core/contracts/catalog'
import { CATEGORIES } from '@core/contracts/catalog'
import { COLLECTIONS } from '../server/collections'
import { newWish } from '../server/outcomes/wishes/rules'
import type { WishDoc } from '../server/repos/wish-repo'
import type { LocalCloud } from '../local-cloud'

export const WISHES = 500

export function seedWishes(cloud: LocalCloud, openids: string[], now: Date): { votes: number } {
  for (let k = 0; k < INDUSTRIES.length; k++) {
    const ids = openids.filter((_, i) => i % 5 !== 0 && i % INDUSTRIES.length === k)
    cloud.store.update(
      COLLECTIONS.users,
      { _id: { $in: ids } },
      { $set: { industry: INDUSTRIES[k] } },
      { multi: true, merge: true, upsert: false },
    )
  }
  const wishes: WishDoc[] = []
  const votes: object[] = []
  for (let w = 0; w < WISHES; w++) {
    const id = `wb${String(w + 1).padStart(4, '0')}`
    // A long tail: a few wishes with hundreds of votes, most with a handful.
    const n = w < 450 ? Math.floor(600 / (w + 1)) + (w % 7) : 0
    const voters = Array.from({ length: n }, (_, i) => openids[(w * 37 + i * 101) % openids.length])
    const unique = [...new Set(voters)]
    for (const openid of unique) votes.push({ _id: `${id}_${openid}`, wishId: id, openid, createdAt: now })
    wishes.push({
      ...newWish(
        {
          _id: id,
          title: `点课主题 ${w + 1}`,
          detail: w % 3 === 0 ? '希望晚上或周末上课，多一些动手练习' : '',
          category: CATEGORIES[w % CATEGORIES.length],
          proposer: openids[w % openids.length],
        },
        now,
      ),
      state: w < 450 ? 'published' : 'pending',
      votes: unique.length,
      createdAt: new Date(now.getTime() - w * 60_000),
    })
  }
  cloud.store.insert(COLLECTIONS.wishes, wishes)
  cloud.store.insert(COLLECTIONS.wishVotes, votes)
  return { votes: votes.length }
}
