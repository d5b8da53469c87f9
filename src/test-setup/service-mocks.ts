/**
 * jest.mock factories for our own service modules (not the cloud SDK: a page's contract is "calls enroll
 * with…"), shared by the page tests. jest hoists jest.mock above the imports, so reach these through
 * requireActual:
 * `jest.mock('@/services/enrollment', () => jest.requireActual('@/test-setup/service-mocks').enrollmentService())`.
 */
import type { LoginResult, Reply, SubscriptionsResult, TemplatesResult } from '@core'

export function enrollmentService() {
  return {
    enroll: jest.fn(),
    cancelEnrollment: jest.fn(),
    confirmOffer: jest.fn(),
    declineOffer: jest.fn(),
    myEnrollments: jest.fn(),
  }
}

/** `@/services/user` with a registered worker, 张伟, signed in. */
export function workerUserService() {
  const signedIn: Reply<LoginResult> = {
    ok: true,
    data: { role: 'worker', profileComplete: true, consentOutdated: false, name: '张伟', industry: null },
  }
  return {
    login: jest.fn(() => Promise.resolve(signedIn)),
    deleteProfile: jest.fn(() => Promise.resolve({ ok: true, data: { deleted: true } })),
  }
}

/** `@/services/checkin`; by default no check-ins yet and no scanner (the H5 flavour). */
export function checkinService() {
  return {
    issueCheckinCode: jest.fn(),
    checkIn: jest.fn(),
    attendanceLive: jest.fn(),
    markAttendance: jest.fn(),
    myAttendance: jest.fn(() => Promise.resolve({ ok: true, data: { lessons: {} } })),
    canScanCode: jest.fn(() => false),
    scanCheckinCode: jest.fn(() => Promise.resolve(null)),
    checkInDigits: jest.fn(),
    myCheckinLessons: jest.fn(() => Promise.resolve({ ok: true, data: { lessons: [] } })),
    myCheckinCode: jest.fn(),
    staffCheckIn: jest.fn(),
    setCheckinOptions: jest.fn(),
    undoMark: jest.fn(),
    scanWorkerCode: jest.fn(() => Promise.resolve(null)),
  }
}

/** The three kinds configured, as the pages see them from `templates`. */
export const REMINDER_TEMPLATES: TemplatesResult['templates'] = [
  { kind: 'lessonReminder', id: 'tmpl-lesson' },
  { kind: 'seatOffer', id: 'tmpl-offer' },
  { kind: 'courseChange', id: 'tmpl-change' },
]

/**
 * `@/services/reminders`: three templates configured, no credits yet, and a dialog the worker closes
 * without allowing anything (`{}`), which must never stop an action.
 */
export function remindersService() {
  const none: Reply<SubscriptionsResult> = {
    ok: true,
    data: { credits: { lessonReminder: 0, seatOffer: 0, courseChange: 0 } },
  }
  return {
    MAX_TEMPLATES_PER_ASK: 3,
    templates: jest.fn(() => Promise.resolve({ ok: true, data: { templates: REMINDER_TEMPLATES } })),
    subscribe: jest.fn(() => Promise.resolve(none)),
    mySubscriptions: jest.fn(() => Promise.resolve(none)),
    askSubscription: jest.fn(() => Promise.resolve({})),
  }
}
