import { useCallback, useRef, useState } from 'react'
import type { AppError, CertificateVerification } from '@core'
import { verifyCertificate } from '@/services/outcomes'

/** One verification at a time; a newer code's answer replaces an older one's. */
export function useVerifyCertificate() {
  const [result, setResult] = useState<CertificateVerification | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const latest = useRef(0)

  const verify = useCallback(async (code: string) => {
    const id = ++latest.current
    setBusy(true)
    const reply = await verifyCertificate(code)
    if (id !== latest.current) return
    setBusy(false)
    setResult(reply.ok ? reply.data : null)
    setError(reply.ok ? null : reply.error)
  }, [])

  return { result, error, busy, verify }
}
