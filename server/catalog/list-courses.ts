import { fail, ok, type Reply } from '@core/reply'
import {
  CATALOG_PAGE_SIZE,
  CATALOG_SEARCH_MAX,
  type CardOwnPlace,
  CATEGORIES,
  INDUSTRIES,
  isIndustry,
  isLevel,
  LEVELS,
  type ListCoursesRequest,
  type ListCoursesResult,
} from '@core/contracts/catalog'
import type { CourseRepo } from '../repos/course-repo'
import type { OwnLedgerPlace } from '../repos/course-port'
import { toCourseCard } from '../course-views'

/** The request without its routing field, as the app sends it. */
export type ListCoursesInput = Omit<ListCoursesRequest, 'action'>

/** The open programme, one page at a time, filtered in the query itself: one read plus the count. */
export async function listCourses(
  deps: { courses: CourseRepo },
  input: ListCoursesInput,
  openid: string,
  now: Date,
): Promise<Reply<ListCoursesResult>> {
  // An empty filter means "all", as the app's 全部 chip sends it.
  const level = input.level || undefined
  const forIndustry = input.forIndustry || undefined
  if (level !== undefined && !isLevel(level)) return fail('CATALOG.BAD_LEVEL', { field: 'level' })
  if (forIndustry !== undefined && !isIndustry(forIndustry)) {
    return fail('CATALOG.BAD_INDUSTRY', { field: 'forIndustry' })
  }
  // Blank text is "no search"; inner runs of spaces count as one, as a worker types them.
  const search = (input.search ?? '').trim().replace(/\s+/g, ' ') || undefined
  if (search !== undefined && search.length > CATALOG_SEARCH_MAX) return fail('CATALOG.BAD_SEARCH', { field: 'search' })
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? CATALOG_PAGE_SIZE.default
  const { items, total } = await deps.courses.listOpen({
    category: input.category,
    level,
    forIndustry,
    search,
    openOnly: input.openOnly === true,
    openid,
    now,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  })
  return ok({
    items: items.map((c) => ({ ...toCourseCard(c, now), own: ownOf(c.own) })),
    total,
    page,
    pageSize,
    hasMore: page * pageSize < total,
    categories: CATEGORIES,
    levels: LEVELS,
    industries: INDUSTRIES,
  })
}

/** The ledger is the truth about places: a seat (enrolled or offered) or a place in the FIFO. */
function ownOf(own: OwnLedgerPlace): CardOwnPlace | null {
  if (own.seat) return { status: own.seat, waitlistPosition: null }
  if (own.waitIndex >= 0) return { status: 'waitlisted', waitlistPosition: own.waitIndex + 1 }
  return null
}
