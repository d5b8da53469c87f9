/**
 * Update operators as the cloud applies them (MongoDB's rules): two paths of one update may not
 * overlap (`seats` with `seats.x`, or one path under two operators), and a dotted path may not create
 * a field inside a value that is null or not a document.
 */
import { update as applyUpdate } from 'mingo'
import type { Doc } from './codec'
import { ERR } from './errors'

function assertNoConflict(data: Doc): void {
  const paths: string[] = []
  for (const op of Object.keys(data)) paths.push(...Object.keys((data[op] ?? {}) as Doc))
  const sorted = [...paths].sort()
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]]
    if (a === b || b.startsWith(`${a}.`)) {
      throw ERR.failed(`Updating the path '${b}' would create a conflict at '${a}'`)
    }
  }
}

function assertParents(doc: Doc, data: Doc): void {
  for (const op of Object.keys(data)) {
    if (op === '$unset') continue
    for (const path of Object.keys((data[op] ?? {}) as Doc)) {
      const parts = path.split('.')
      let value: unknown = doc
      for (let i = 0; i < parts.length - 1; i++) {
        value = (value as Doc)[parts[i]]
        if (value === undefined) break
        if (value === null || typeof value !== 'object' || value instanceof Date) {
          const element = JSON.stringify({ [parts[i]]: value })
          throw ERR.failed(`Cannot create field '${parts[i + 1]}' in element ${element}`)
        }
      }
    }
  }
}

/** Applies cloud update operators one at a time (mingo's updater takes a single operator per call). */
export function applyOperators(doc: Doc, data: Doc): Doc {
  const operators = Object.keys(data)
  if (operators.length === 0 || operators.some((op) => !op.startsWith('$'))) {
    throw ERR.invalid('update data must consist of update operators')
  }
  assertNoConflict(data)
  assertParents(doc, data)
  const next = structuredClone(doc)
  for (const op of operators) {
    applyUpdate(next, { [op]: data[op] } as Parameters<typeof applyUpdate>[1])
  }
  return next
}
