import { Text, View } from '@tarojs/components'
import { ERROR_MESSAGES } from '@core'
import { Checkbox } from '@nutui/nutui-react-taro'
import { AFTER_DELETION } from './policy'
import './index.scss'

export { AFTER_DELETION }

export interface PrivacyNoticeProps {
  agreed: boolean
  onAgreedChange?: (agreed: boolean) => void
  /** Shown in the footer so a worker can tell which text they agreed to. */
  version?: string
  /** Draws attention to the checkbox after a submit without consent. */
  highlight?: boolean
  className?: string
}

const defaults = { version: '', highlight: false, className: '' } as const

const prefix = 'xz-privacy-notice'

/** What PIPL asks us to say before collecting anything: why, what, how long, which rights, and what deletion leaves. */
export const PRIVACY_POINTS = [
  { title: '用途', text: '仅用于课程报名、上课签到、课程提醒与结业证书；所在行业用于为您筛选适合的课程。' },
  {
    title: '收集内容',
    text: '姓名、手机号、工作单位、工会会员号（选填）、所在行业（选填）。签到时经您允许读取手机位置，只用于确认您在上课地点附近，只保存与上课地点的距离。',
  },
  { title: '保存期限', text: '项目结束后 1 年内删除。' },
  { title: '您的权利', text: '您可随时查看、更正您的个人信息，或在「我的」页底部注销账号。' },
  { title: '注销后', text: AFTER_DELETION },
] as const

export function PrivacyNotice(props: PrivacyNoticeProps) {
  const { agreed, onAgreedChange, version, highlight, className } = { ...defaults, ...props }
  return (
    <View className={`${prefix} ${className}`.trim()}>
      <Text className={`${prefix}__title`}>个人信息保护说明</Text>
      <Text className={`${prefix}__lead`}>为了给您提供免费培训服务，我们需要收集少量信息，请您了解：</Text>
      <View className={`${prefix}__points`}>
        {PRIVACY_POINTS.map((point) => (
          <View key={point.title} className={`${prefix}__point`}>
            <Text className={`${prefix}__point-title`}>{point.title}</Text>
            <Text className={`${prefix}__point-text`}>{point.text}</Text>
          </View>
        ))}
      </View>
      {version ? <Text className={`${prefix}__version`}>版本 {version}</Text> : null}
      <View className={`${prefix}__consent ${highlight && !agreed ? `${prefix}__consent--alert` : ''}`.trim()}>
        <Checkbox
          className={`${prefix}__checkbox`}
          checked={agreed}
          onChange={(checked: boolean) => onAgreedChange?.(checked)}
          label="我已阅读并同意《个人信息保护说明》"
        />
        {highlight && !agreed ? (
          <Text className={`${prefix}__consent-error`}>{ERROR_MESSAGES['USER.CONSENT_REQUIRED']}</Text>
        ) : null}
      </View>
    </View>
  )
}

export default PrivacyNotice
