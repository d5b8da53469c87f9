/**
 * Routes of the outcomes screens, shared by the main package (我的, the course page), the outcomes
 * subpackage and the staff one; a renamed page breaks the type check rather than a tap.
 */
const worker = '/package-outcomes/pages'
const staff = '/package-staff/pages'

export const OUTCOME_ROUTES = {
  certificates: `${worker}/certificates/index`,
  certificate: (id: string) => `${worker}/certificate/index?id=${encodeURIComponent(id)}`,
  verify: (code?: string) =>
    code ? `${worker}/verify/index?code=${encodeURIComponent(code)}` : `${worker}/verify/index`,
  evaluations: `${worker}/evaluations/index`,
  evaluate: (courseId: string) => `${worker}/evaluate/index?id=${encodeURIComponent(courseId)}`,
  materials: (courseId: string) => `${worker}/materials/index?id=${encodeURIComponent(courseId)}`,
  staffCourses: `${staff}/outcomes-courses/index`,
  staffCourse: (id: string) => `${staff}/outcomes-course/index?id=${encodeURIComponent(id)}`,
  staffInstructors: `${staff}/outcomes-instructors/index`,
  staffReport: `${staff}/outcomes-report/index`,
  /** 职工点课, and its staff side 点课管理. */
  wishes: `${worker}/wishes/index`,
  staffWishes: `${staff}/wishes/index`,
} as const
