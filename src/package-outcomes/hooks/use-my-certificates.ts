import { useCallback, useMemo } from 'react'
import { useLoaded } from '@/hooks/use-loaded'
import { myCertificates } from '@/services/outcomes'

/** The worker's certificates; `find` picks one for the certificate page. */
export function useMyCertificates() {
  const { data, status, error, reload } = useLoaded(myCertificates)
  const certificates = useMemo(() => data?.certificates ?? [], [data])
  const find = useCallback((id: string) => certificates.find((c) => c.id === id) ?? null, [certificates])
  return { certificates, status, error, reload, find }
}
