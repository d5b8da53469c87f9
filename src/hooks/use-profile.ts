import { useCallback, useEffect, useState } from 'react'
import type { ProfileView, Reply, SaveProfileInput } from '@core'
import { getProfile, saveProfile } from '@/services/user'
import { resetSession } from './session-store'
import { useLoadState } from './use-load-state'

export function useProfile() {
  const [profile, setProfile] = useState<ProfileView | null>(null)
  const { status, error, setStatus, settle } = useLoadState()
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    setStatus('loading')
    settle(await getProfile(), setProfile)
  }, [setStatus, settle])

  useEffect(() => {
    void load()
  }, [load])

  const save = useCallback(async (input: SaveProfileInput): Promise<Reply<ProfileView>> => {
    setSaving(true)
    try {
      const reply = await saveProfile(input)
      if (reply.ok) {
        setProfile(reply.data)
        // Role and "profile complete" come from login; ask again so every page sees the new state.
        resetSession()
      }
      return reply
    } finally {
      setSaving(false)
    }
  }, [])

  return { profile, status, error, saving, save, reload: load }
}
