import { useCallback, useState } from 'react'
import type { AppError, ImportResult } from '@core'
import { importProgramme } from '@/services/admin'
import { canPickFiles, deliverCsv, pickTextFile } from '@/services/export'
import { importTemplateCsv } from '../lib/import-template'

export type ImportPhase =
  | { kind: 'idle' }
  | { kind: 'checked'; result: ImportResult; csv: string }
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'failed'; error: AppError; errors: ImportResult['errors'] }

/**
 * Validate first, import second: the import button only acts on the exact text that passed validation, and
 * the server writes nothing at all when any row is wrong.
 */
export function useAdminImport() {
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'idle' })
  const [busy, setBusy] = useState<'check' | 'import' | null>(null)

  const check = useCallback(async (csv: string) => {
    setBusy('check')
    try {
      const reply = await importProgramme(csv, true)
      if (reply.ok) setPhase({ kind: 'checked', result: reply.data, csv })
      else setPhase({ kind: 'failed', error: reply.error, errors: [] })
      return reply
    } finally {
      setBusy(null)
    }
  }, [])

  const commit = useCallback(async (csv: string) => {
    setBusy('import')
    try {
      const reply = await importProgramme(csv, false)
      if (reply.ok && reply.data.errors.length === 0) setPhase({ kind: 'imported', result: reply.data })
      // Rows that went bad between the check and the import (e.g. a duplicate published meanwhile).
      else if (reply.ok) setPhase({ kind: 'checked', result: reply.data, csv })
      else setPhase({ kind: 'failed', error: reply.error, errors: [] })
      return reply
    } finally {
      setBusy(null)
    }
  }, [])

  const reset = useCallback(() => setPhase({ kind: 'idle' }), [])

  const downloadTemplate = useCallback(() => deliverCsv('课程表导入模板.csv', importTemplateCsv()), [])

  return { phase, busy, check, commit, reset, canPickFiles: canPickFiles(), pickFile: pickTextFile, downloadTemplate }
}
