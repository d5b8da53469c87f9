import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatTimeRange, formatWhen } from '@core'
import { StateView } from '@/components/state-view'
import { useSession } from '@/hooks/use-session'
import { QrGrid } from '../../components/qr-grid'
import { useCheckinPass } from '../../hooks/use-checkin-pass'
import './index.scss'

const prefix = 'xz-checkin-pass'

/**
 * 我的 → 签到码: the worker's own code for today's lesson. Staff at the door scan it (反扫), which counts
 * as being in the room without the phone's position — the way in for a phone without GPS or a worker
 * who will not share location. Changes every 30 s, so a screenshot sent on is useless a minute later.
 */
export default function CheckinPassPage() {
  useSession()
  const pass = useCheckinPass()
  useEffect(() => {
    // The screen stays on while staff line up the scanner (weapp only; H5 ignores it).
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
  }, [])

  if (pass.status === 'loading' && pass.lessons.length === 0) return <StateView status="loading" skeletonCount={1} />
  if (pass.status === 'error') {
    return (
      <StateView
        status="error"
        title={pass.loadError?.message ?? '加载失败'}
        actionText="重试"
        onAction={() => void pass.reload()}
      />
    )
  }
  if (pass.lessons.length === 0) {
    return <StateView status="empty" title="今天没有要上的课" description="签到码只在上课当天出现，请在上课当天再来" />
  }
  return (
    <View className={prefix}>
      {pass.lessons.length > 1 ? (
        <View className={`${prefix}__picker`}>
          <Text className={`${prefix}__label`}>今天有 {pass.lessons.length} 节课，请选择：</Text>
          {pass.lessons.map((l) => (
            <View
              key={l.lesson.lessonId}
              className={`${prefix}__lesson ${pass.current?.lesson.lessonId === l.lesson.lessonId ? `${prefix}__lesson--on` : ''}`.trim()}
              ariaRole="button"
              onClick={() => pass.pick(l.lesson.lessonId)}
            >
              <Text className={`${prefix}__lesson-title`}>{l.lesson.courseTitle}</Text>
              <Text className={`${prefix}__lesson-time`}>{formatTimeRange(l.lesson.startsAt, l.lesson.endsAt)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {pass.current ? <PassCard pass={pass} /> : null}
    </View>
  )
}

function PassCard({ pass }: { pass: ReturnType<typeof useCheckinPass> }) {
  const current = pass.current!
  const { lesson } = current
  const now = new Date()
  const notOpen = new Date(current.opensAt) > now
  return (
    <View className={`${prefix}__card`}>
      <Text className={`${prefix}__course`}>{lesson.courseTitle}</Text>
      <Text className={`${prefix}__meta`}>
        第 {lesson.index} 课 · {formatTimeRange(lesson.startsAt, lesson.endsAt)} · {lesson.venueName}
      </Text>
      {current.checkedIn ? (
        <Text className={`${prefix}__done`}>您已签到，无需再出示签到码</Text>
      ) : pass.error ? (
        <Text className={`${prefix}__error`}>{pass.error.message}</Text>
      ) : pass.code ? (
        <QrGrid className={`${prefix}__qr`} text={pass.code.code} label="我的签到码，请工作人员扫描" />
      ) : (
        <View className={`${prefix}__qr-placeholder`} ariaLabel="正在生成签到码" />
      )}
      <Text className={`${prefix}__hint`}>请把屏幕对着门口工作人员的手机，扫一下即完成签到</Text>
      {notOpen ? <Text className={`${prefix}__hint`}>签到将于 {formatWhen(current.opensAt, now)} 开放</Text> : null}
      <Text className={`${prefix}__small`}>签到码每 30 秒自动更换，只能本人当面使用，截图转发无效</Text>
    </View>
  )
}
