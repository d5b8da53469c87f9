import { fail, ok, type Reply } from '@core/reply'
import {
  CATALOG_PAGE_SIZE,
  CATEGORIES,
  INDUSTRIES,
  isIndustry,
  isLevel,
  LEVELS,
  type ListCoursesResult,
} from '@core/contracts/catalog'
import type { CourseRepo } from '../repos/course-repo'
import { toCourseCard } from '../course-views'

export interface ListCoursesInput {
  category?: string
  level?: string
  forIndustry?: string
  page?: number
  pageSize?: number
}

/** The open programme, one page at a time, filtered in the query itself: one read plus the count. */
export async function listCourses(
  deps: { courses: CourseRepo },
  input: ListCoursesInput,
  now: Date,
): Promise<Reply<ListCoursesResult>> {
  // An empty filter means "all", as the app's 全部 chip sends it.
  const level = input.level || undefined
  const forIndustry = input.forIndustry || undefined
  if (level !== undefined && !isLevel(level)) return fail('CATALOG.BAD_LEVEL', { field: 'level' })
  if (forIndustry !== undefined && !isIndustry(forIndustry)) {
    return fail('CATALOG.BAD_INDUSTRY', { field: 'forIndustry' })
  }
  const page = input.page ?? 1
  const pageSize = input.pageSize ?? CATALOG_PAGE_SIZE.default
  const { items, total } = await deps.courses.listOpen({
    category: input.category,
    level,
    forIndustry,
    now,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  })
  return ok({
    items: items.map((c) => toCourseCard(c, now)),
    total,
    page,
    pageSize,
    hasMore: page * pageSize < total,
    categories: CATEGORIES,
    levels: LEVELS,
    industries: INDUSTRIES,
  })
}
