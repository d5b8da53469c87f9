/** The reminders feature's public entry: subscription credits, the timer, and the template set-up. */
export type { RemindersDeps, RemindersRunResult } from './deps'
export { runReminders } from './run'
export { MAX_ATTEMPTS } from './deliver'
export { templates, subscribe, mySubscriptions } from './subscriptions'
export { configuredTemplates, type Template } from './templates'
export { announceLessonChanges, type AnnouncedChange } from './lesson-changes'
