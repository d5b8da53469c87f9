import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { CONSENT_VERSION, type ProfileView, type Reply, type SaveProfileInput } from '@core'
import { toast } from '@/utils/feedback'
import {
  EMPTY_PROFILE_FORM,
  fieldOf,
  validateProfileForm,
  type ProfileField,
  type ProfileFormErrors,
  type ProfileFormValues,
} from '@/utils/profile-form'

type Save = (input: SaveProfileInput) => Promise<Reply<ProfileView>>

/** The profile form: values, consent and errors, checked here first and then by the server. */
export function useProfileForm(profile: ProfileView | null, save: Save) {
  const [values, setValues] = useState<ProfileFormValues>(EMPTY_PROFILE_FORM)
  const [errors, setErrors] = useState<ProfileFormErrors>({})
  const [agreed, setAgreed] = useState(false)
  const [consentAlert, setConsentAlert] = useState(false)
  const [formError, setFormError] = useState('')
  // A one-time code from WeChat's phone button; the server exchanges it for the number.
  const [phoneCode, setPhoneCode] = useState('')

  useEffect(() => {
    if (!profile) return
    const { name, phone, employer, memberNo, industry } = profile
    setValues({ name, phone, employer, memberNo: memberNo ?? '', industry: industry ?? '' })
    // Consent to the current notice carries over; an older version must be read and accepted again.
    setAgreed(profile.consent.version === CONSENT_VERSION)
  }, [profile])

  const setField = (field: ProfileField) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }))
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }))
    if (field === 'phone' && value) setPhoneCode('')
  }

  const onAgreedChange = (next: boolean) => {
    setAgreed(next)
    if (next) setConsentAlert(false)
  }

  const onPhoneCode = (code: string | undefined) => {
    if (!code) return toast('未获取到手机号，请手动填写')
    setPhoneCode(code)
    setValues((prev) => ({ ...prev, phone: '' }))
    setErrors((prev) => ({ ...prev, phone: undefined }))
  }

  /** True once saved; otherwise the errors are on screen. */
  const submit = async (): Promise<boolean> => {
    setFormError('')
    if (!agreed) {
      setConsentAlert(true)
      // No toast: it would sit over the very line it points at. The line turns red and says why, in view.
      void Promise.resolve(Taro.pageScrollTo?.({ selector: '.xz-privacy-notice__consent', duration: 300 })).catch(
        () => undefined,
      )
      return false
    }
    const found = validateProfileForm(values, !!phoneCode)
    setErrors(found)
    if (Object.keys(found).length > 0) return false
    const reply = await save(toInput(values, phoneCode))
    if (reply.ok) return true
    const field = fieldOf(reply.error.field)
    if (field) setErrors((prev) => ({ ...prev, [field]: reply.error.message }))
    else setFormError(reply.error.message)
    if (reply.error.code === 'USER.PHONE_CODE_INVALID') setPhoneCode('')
    if (reply.error.code === 'USER.CONSENT_REQUIRED' || reply.error.code === 'USER.CONSENT_OUTDATED') {
      setAgreed(false)
      setConsentAlert(true)
    }
    return false
  }

  return { values, errors, agreed, consentAlert, formError, phoneCode, setField, onAgreedChange, onPhoneCode, submit }
}

export type ProfileFormState = ReturnType<typeof useProfileForm>

function toInput(values: ProfileFormValues, phoneCode: string): SaveProfileInput {
  const memberNo = values.memberNo.trim()
  return {
    name: values.name.trim(),
    ...(phoneCode && !values.phone.trim() ? { phoneCode } : { phone: values.phone.trim() }),
    employer: values.employer.trim(),
    ...(memberNo ? { memberNo } : {}),
    // Left out when not chosen: the server then clears it, as it does a member number.
    ...(values.industry ? { industry: values.industry } : {}),
    consentVersion: CONSENT_VERSION,
  }
}
