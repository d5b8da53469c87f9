import { useCallback, useEffect, useState } from 'react'
import type { AppError, ProfileView, Reply } from '@/core'
import { getProfile, saveProfile, type SaveProfileInput } from '@/services/user'
import { resetSession } from './session-store'

export function useProfile() {
  const [profile, setProfile] = useState<ProfileView | null>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<AppError | null>(null)
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    setStatus('loading')
    const reply = await getProfile()
    if (reply.ok) {
      setProfile(reply.data)
      setError(null)
      setStatus('ready')
    } else {
      setError(reply.error)
      setStatus('error')
    }
  }, [])

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
