import { useCallback, useState } from 'react'
import type { AppError } from '@core'
import { clearDevOpenId, isH5 } from '@/services/dev-identity'
import { deleteProfile } from '@/services/user'
import { resetSession } from './session-store'

/**
 * 注销账号. On success the session is forgotten (and, in the H5 demo, the chosen identity too), so the next
 * screen starts from scratch; the page decides where that is. A refusal is kept to show as it is.
 */
export function useDeleteAccount() {
  const [deleting, setDeleting] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const remove = useCallback(async (): Promise<boolean> => {
    setDeleting(true)
    setError(null)
    try {
      const reply = await deleteProfile()
      if (!reply.ok) {
        setError(reply.error)
        return false
      }
      if (isH5()) clearDevOpenId()
      resetSession()
      return true
    } finally {
      setDeleting(false)
    }
  }, [])

  return { deleting, error, remove }
}
