/** Staff routes live with the subpackage; a renamed page breaks the type check rather than a tap. */
const root = '/package-staff/pages'
const withId = (page: string) => (id: string) => `${root}/${page}/index?id=${encodeURIComponent(id)}`

export const STAFF_ROUTES = {
  home: `${root}/home/index`,
  courses: `${root}/courses/index`,
  courseNew: `${root}/course-edit/index`,
  courseEdit: withId('course-edit'),
  courseManage: withId('course-manage'),
  roster: withId('roster'),
  import: `${root}/import/index`,
  progress: `${root}/progress/index`,
  /** Both take a lesson id. */
  checkinCode: withId('checkin-code'),
  attendance: withId('attendance'),
  lessonMaterials: (courseId: string, lessonId: string) =>
    `${root}/lesson-materials/index?course=${encodeURIComponent(courseId)}&lesson=${encodeURIComponent(lessonId)}`,
  /** The course editor prefilled from a course wish (转为课程草稿); saving links the course to the wish. */
  courseFromWish: (w: { id: string; title: string; category: string; detail: string }) =>
    `${root}/course-edit/index?wishId=${encodeURIComponent(w.id)}&title=${encodeURIComponent(w.title)}` +
    `&category=${encodeURIComponent(w.category)}&detail=${encodeURIComponent(w.detail)}`,
} as const
