import { useCallback, useState } from 'react'
import type { ProfileView, Reply, SaveProfileInput } from '@core'
import { getProfile, saveProfile } from '@/services/user'
import { resetSession } from './session-store'
import { useLoaded } from './use-loaded'

export function useProfile() {
  const { data: profile, setData: setProfile, status, error, reload } = useLoaded(getProfile)
  const [saving, setSaving] = useState(false)

  const save = useCallback(
    async (input: SaveProfileInput): Promise<Reply<ProfileView>> => {
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
    },
    [setProfile],
  )

  return { profile, status, error, saving, save, reload }
}
