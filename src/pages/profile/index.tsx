import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { CONSENT_VERSION, ERROR_MESSAGES } from '@core'
import { PrivacyNotice } from '@/components/privacy-notice'
import { SaveButton } from '@/components/save-button'
import { StateView } from '@/components/state-view'
import { useProfile } from '@/hooks/use-profile'
import { useProfileForm } from '@/hooks/use-profile-form'
import { toast } from '@/utils/feedback'
import { ROUTES } from '@/utils/routes'
import { ProfileFields } from './profile-fields'
import './index.scss'

const prefix = 'xz-profile'

export default function ProfilePage() {
  const { profile, status, error, saving, save, reload } = useProfile()
  const form = useProfileForm(profile, save)
  // The way back after 已保存 is let go if the page goes first (a tap on back, a tab): it must not move
  // the worker off whatever page they went to.
  const leaving = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(leaving.current), [])

  const submit = async () => {
    if (!(await form.submit())) return
    toast('已保存', 'success')
    leaving.current = setTimeout(() => {
      if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
      else void Taro.switchTab({ url: ROUTES.catalog })
    }, 800)
  }

  if (status === 'loading' || status === 'error') {
    return (
      <View className={prefix}>
        {status === 'loading' ? (
          <StateView status="loading" skeletonCount={2} />
        ) : (
          <StateView status="error" title={error?.message ?? '加载失败'} onAction={() => void reload()} />
        )}
      </View>
    )
  }

  const consentOutdated = !!profile && profile.consent.version !== CONSENT_VERSION
  return (
    <View className={prefix}>
      <Text className={`${prefix}__intro`}>
        {profile ? '修改后点击保存即可生效' : '登记一次，以后报名课程无需重复填写'}
      </Text>
      {consentOutdated ? <View className={`${prefix}__banner`}>{ERROR_MESSAGES['USER.CONSENT_OUTDATED']}</View> : null}
      <PrivacyNotice agreed={form.agreed} onAgreedChange={form.onAgreedChange} highlight={form.consentAlert} />
      <View className={`${prefix}__form`}>
        <ProfileFields form={form} />
      </View>
      {form.formError ? <Text className={`${prefix}__form-error`}>{form.formError}</Text> : null}
      <View className={`${prefix}__actions`}>
        <SaveButton className={`${prefix}__submit`} saving={saving} onSave={() => void submit()}>
          {profile ? '保存修改' : '保存'}
        </SaveButton>
        <Text className={`${prefix}__footnote`}>如需注销账号，可在「我的」页底部操作</Text>
      </View>
    </View>
  )
}
