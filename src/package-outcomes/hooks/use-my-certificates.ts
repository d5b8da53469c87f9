import { useCallback, useEffect, useState } from 'react'
import type { CertificateView } from '@core'
import { useLoadState } from '@/hooks/use-load-state'
import { myCertificates } from '@/services/outcomes'

/** The worker's certificates; `find` picks one for the certificate page. */
export function useMyCertificates() {
  const [certificates, setCertificates] = useState<CertificateView[]>([])
  const { status, error, setStatus, settle } = useLoadState()

  const reload = useCallback(async () => {
    setStatus('loading')
    settle(await myCertificates(), (data) => setCertificates(data.certificates))
  }, [setStatus, settle])

  useEffect(() => {
    void reload()
  }, [reload])

  const find = useCallback((id: string) => certificates.find((c) => c.id === id) ?? null, [certificates])
  return { certificates, status, error, reload, find }
}
