import { useCallback, useEffect, useMemo, useState } from 'react'
import { listDevAccounts, type DevAccount } from '@/services/dev-accounts'
import { clearDevOpenId, getDevOpenId, isH5, setDevOpenId } from '@/services/dev-identity'
import { resetSession } from './session-store'
import { useLoadState } from './use-load-state'

/** Staff first (the account a tester most often wants), then workers in the order the local cloud gives. */
function staffFirst(accounts: DevAccount[]): DevAccount[] {
  const isStaff = (a: DevAccount) => a.role !== 'worker'
  return [...accounts.filter(isStaff), ...accounts.filter((a) => !isStaff(a))]
}

export function useDevAccounts() {
  const [accounts, setAccounts] = useState<DevAccount[]>([])
  const { status, error, setStatus, settle } = useLoadState()
  const [query, setQuery] = useState('')

  const load = useCallback(async () => {
    setStatus('loading')
    settle(await listDevAccounts(), (data) => setAccounts(staffFirst(data.accounts)))
  }, [setStatus, settle])

  useEffect(() => {
    void load()
  }, [load])

  const visible = useMemo(() => {
    const q = query.trim().toLowerCase()
    if (!q) return accounts
    return accounts.filter((a) => [a.name, a.employer, a.openid].some((s) => s.toLowerCase().includes(q)))
  }, [accounts, query])

  return { accounts: visible, total: accounts.length, status, error, query, setQuery, reload: load }
}

/** The H5 demo's chosen identity; in the weapp WeChat itself says who the worker is. */
export function useDevIdentity() {
  const choose = useCallback((openid: string) => {
    setDevOpenId(openid)
    resetSession()
  }, [])
  const forget = useCallback(() => {
    clearDevOpenId()
    resetSession()
  }, [])
  return { available: isH5(), current: getDevOpenId(), choose, forget }
}
