import type { CatalogRequest, CatalogResults } from './catalog'
import type { UserRequest, UserResults } from './user'
import type { EnrollmentRequest, EnrollmentResults } from './enrollment'
import type { AdminRequest, AdminResults } from './admin'
import type { CheckinRequest, CheckinResults } from './checkin'
import type { RemindersRequest, RemindersResults } from './reminders'
import type { OutcomesRequest, OutcomesResults } from './outcomes'

/**
 * Every cloud function with its requests and results, so that the app's service layer and the
 * functions' entries are checked against one table.
 */
export interface FunctionContracts {
  user: { request: UserRequest; results: UserResults }
  catalog: { request: CatalogRequest; results: CatalogResults }
  enrollment: { request: EnrollmentRequest; results: EnrollmentResults }
  admin: { request: AdminRequest; results: AdminResults }
  checkin: { request: CheckinRequest; results: CheckinResults }
  reminders: { request: RemindersRequest; results: RemindersResults }
  outcomes: { request: OutcomesRequest; results: OutcomesResults }
}

export type FunctionName = keyof FunctionContracts
export type ActionOf<F extends FunctionName> = FunctionContracts[F]['request']['action']
export type RequestOf<F extends FunctionName, A extends ActionOf<F>> = Extract<
  FunctionContracts[F]['request'],
  { action: A }
>
export type ResultOf<F extends FunctionName, A extends ActionOf<F>> = A extends keyof FunctionContracts[F]['results']
  ? FunctionContracts[F]['results'][A]
  : never
