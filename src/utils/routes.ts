/** Every route in one place, so a renamed page breaks the type check rather than a tap. */
export const ROUTES = {
  catalog: '/pages/catalog/index',
  me: '/pages/me/index',
  course: (id: string) => `/pages/course/index?id=${encodeURIComponent(id)}`,
  profile: '/pages/profile/index',
  login: '/pages/login/index',
  /** With a code the page checks in at once, as when WeChat's camera opens it with `scene`. */
  checkin: (code?: string) =>
    code ? `/pages/checkin/index?scene=${encodeURIComponent(code)}` : '/pages/checkin/index',
  /** The worker's personal code for 反扫 (staff scan it at the door); not needed at launch. */
  checkinPass: '/package-outcomes/pages/checkin-pass/index',
  staffHome: '/package-staff/pages/home/index',
} as const

export const TAB_ROUTES: readonly string[] = [ROUTES.catalog, ROUTES.me]
