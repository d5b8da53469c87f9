import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CONSENT_VERSION, ERROR_MESSAGES } from '@core'
import { FormField } from '@/components/form-field'
import { PrivacyNotice } from '@/components/privacy-notice'
import { StateView } from '@/components/state-view'
import { useProfile } from '@/hooks/use-profile'
import { toast } from '@/utils/feedback'
import {
  EMPTY_PROFILE_FORM,
  fieldOf,
  validateProfileForm,
  type ProfileField,
  type ProfileFormErrors,
  type ProfileFormValues,
} from '@/utils/profile-form'
import { ROUTES } from '@/utils/routes'
import './index.scss'

const prefix = 'xz-profile'

const isWeapp = process.env.TARO_ENV === 'weapp'

export default function ProfilePage() {
  const { profile, status, error, saving, save, reload } = useProfile()
  const [values, setValues] = useState<ProfileFormValues>(EMPTY_PROFILE_FORM)
  const [errors, setErrors] = useState<ProfileFormErrors>({})
  const [agreed, setAgreed] = useState(false)
  const [consentAlert, setConsentAlert] = useState(false)
  const [formError, setFormError] = useState('')
  // A one-time code from WeChat's phone button; the server exchanges it for the number.
  const [phoneCode, setPhoneCode] = useState('')

  useEffect(() => {
    if (!profile) return
    setValues({
      name: profile.name,
      phone: profile.phone,
      employer: profile.employer,
      memberNo: profile.memberNo ?? '',
    })
    // Consent to the current notice carries over; an older version must be read and accepted again.
    setAgreed(profile.consent.version === CONSENT_VERSION)
  }, [profile])

  const consentOutdated = !!profile && profile.consent.version !== CONSENT_VERSION

  const setField = (field: ProfileField) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }))
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }))
    if (field === 'phone' && value) setPhoneCode('')
  }

  const onAgreedChange = (next: boolean) => {
    setAgreed(next)
    if (next) setConsentAlert(false)
  }

  const onGetPhoneNumber = (e: { detail: { code?: string; errMsg?: string } }) => {
    if (e.detail.code) {
      setPhoneCode(e.detail.code)
      setValues((prev) => ({ ...prev, phone: '' }))
      setErrors((prev) => ({ ...prev, phone: undefined }))
    } else {
      toast('未获取到手机号，请手动填写')
    }
  }

  const submit = async () => {
    setFormError('')
    if (!agreed) {
      setConsentAlert(true)
      toast(ERROR_MESSAGES['USER.CONSENT_REQUIRED'])
      return
    }
    const found = validateProfileForm(values, !!phoneCode)
    setErrors(found)
    if (Object.keys(found).length > 0) return

    const memberNo = values.memberNo.trim()
    const reply = await save({
      name: values.name.trim(),
      ...(phoneCode && !values.phone.trim() ? { phoneCode } : { phone: values.phone.trim() }),
      employer: values.employer.trim(),
      ...(memberNo ? { memberNo } : {}),
      consentVersion: CONSENT_VERSION,
    })
    if (!reply.ok) {
      const field = fieldOf(reply.error.field)
      if (field) setErrors((prev) => ({ ...prev, [field]: reply.error.message }))
      else setFormError(reply.error.message)
      if (reply.error.code === 'USER.PHONE_CODE_INVALID') setPhoneCode('')
      if (reply.error.code === 'USER.CONSENT_REQUIRED' || reply.error.code === 'USER.CONSENT_OUTDATED') {
        setAgreed(false)
        setConsentAlert(true)
      }
      return
    }
    toast('已保存', 'success')
    setTimeout(() => {
      if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
      else void Taro.switchTab({ url: ROUTES.catalog })
    }, 800)
  }

  if (status === 'loading') {
    return (
      <View className={prefix}>
        <StateView status="loading" skeletonCount={2} />
      </View>
    )
  }

  if (status === 'error') {
    return (
      <View className={prefix}>
        <StateView status="error" title={error?.message ?? '加载失败'} onAction={() => void reload()} />
      </View>
    )
  }

  return (
    <View className={prefix}>
      <Text className={`${prefix}__intro`}>
        {profile ? '修改后点击保存即可生效' : '登记一次，以后报名课程无需重复填写'}
      </Text>

      {consentOutdated ? <View className={`${prefix}__banner`}>{ERROR_MESSAGES['USER.CONSENT_OUTDATED']}</View> : null}

      <PrivacyNotice agreed={agreed} onAgreedChange={onAgreedChange} highlight={consentAlert} />

      <View className={`${prefix}__form`}>
        <FormField
          label="姓名"
          name="name"
          value={values.name}
          onChange={setField('name')}
          placeholder="请输入真实姓名"
          maxlength={20}
          error={errors.name}
        />
        <FormField
          label="手机号"
          name="phone"
          type="number"
          value={values.phone}
          onChange={setField('phone')}
          placeholder={phoneCode ? '已使用微信手机号' : '请输入 11 位手机号'}
          maxlength={11}
          error={errors.phone}
          hint={phoneCode ? '已获取微信绑定的手机号，也可在上方手动填写' : ''}
          extra={
            isWeapp ? (
              <TaroButton
                className={`${prefix}__phone-button`}
                openType="getPhoneNumber"
                onGetPhoneNumber={onGetPhoneNumber}
              >
                {phoneCode ? '已授权' : '微信手机号'}
              </TaroButton>
            ) : null
          }
        />
        <FormField
          label="工作单位"
          name="employer"
          value={values.employer}
          onChange={setField('employer')}
          placeholder="如：市建工集团"
          maxlength={40}
          error={errors.employer}
        />
        <FormField
          label="工会会员号"
          name="memberNo"
          optional
          value={values.memberNo}
          onChange={setField('memberNo')}
          placeholder="工会会员号"
          maxlength={30}
          error={errors.memberNo}
        />
      </View>

      {formError ? <Text className={`${prefix}__form-error`}>{formError}</Text> : null}

      <View className={`${prefix}__actions`}>
        <Button
          className={`${prefix}__submit`}
          type="primary"
          size="large"
          block
          loading={saving}
          disabled={saving}
          onClick={() => void submit()}
        >
          {profile ? '保存修改' : '保存'}
        </Button>
        <Text className={`${prefix}__footnote`}>如需删除个人信息，请联系所在工会的工作人员</Text>
      </View>
    </View>
  )
}
