import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { CHECKIN_WINDOW_SECONDS, formatWhen, inShanghai, type AttendanceLiveResult, type CheckinCode } from '@core'
import { useDoorTools } from '../../hooks/use-door-tools'
import { PresenceBar, StaffScanPanel } from '../../components/door-tools'
import { StateView } from '@/components/state-view'
import { useAttendanceLive } from '../../hooks/use-attendance-live'
import { useCheckinCode } from '../../hooks/use-checkin-code'
import { useNow } from '@/hooks/use-now'
import { formatLessonSlot } from '@/utils/format'
import { StaffGate } from '../staff-gate'
import { STAFF_ROUTES } from '../../routes'
import './index.scss'

const prefix = 'xz-staff-code'

type Phase = 'before' | 'open' | 'closed'

function phaseOf(code: Pick<CheckinCode, 'opensAt' | 'closesAt'>, now: Date): Phase {
  if (now.getTime() < new Date(code.opensAt).getTime()) return 'before'
  if (now.getTime() > new Date(code.closesAt).getTime()) return 'closed'
  return 'open'
}

function Counters({ live }: { live: AttendanceLiveResult | null }) {
  return (
    <View className={`${prefix}__counters`} ariaLabel="签到人数">
      <View className={`${prefix}__counter`}>
        <Text className={`${prefix}__counter-num`}>
          {live ? live.present : '–'}
          <Text className={`${prefix}__counter-of`}> / {live ? live.expected : '–'}</Text>
        </Text>
        <Text className={`${prefix}__counter-label`}>已签到 / 应到</Text>
      </View>
      <View className={`${prefix}__counter`}>
        <Text className={`${prefix}__counter-num ${prefix}__counter-num--late`}>{live ? live.late : '–'}</Text>
        <Text className={`${prefix}__counter-label`}>迟到</Text>
      </View>
      {/* One line for tests and screen readers: "已签到 3 / 应到 40 · 迟到 1". */}
      <Text className={`${prefix}__counter-summary`}>
        {live ? `已签到 ${live.present} / 应到 ${live.expected} · 迟到 ${live.late}` : ''}
      </Text>
    </View>
  )
}

interface LiveCodeProps {
  current: CheckinCode
  code: Pick<ReturnType<typeof useCheckinCode>, 'next' | 'unstable'>
  now: Date
}

/** mm:ss (or h 小时 m 分) until check-in opens. */
function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  if (s >= 3600) return `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

/**
 * Before check-in opens there is no live code at all (the server issues none): a photo taken early
 * would travel ahead of the lesson. The screen says when, and counts down; it goes live by itself.
 */
function BeforeOpen({ current, now }: { current: CheckinCode; now: Date }) {
  return (
    <View className={`${prefix}__before`}>
      <Text className={`${prefix}__status ${prefix}__status--before`}>
        签到将于 {formatWhen(current.opensAt, now)} 开放
      </Text>
      <Text className={`${prefix}__before-count`}>
        {countdown(new Date(current.opensAt).getTime() - now.getTime())}
      </Text>
      <Text className={`${prefix}__note`}>到时签到码会自动出现，请保持本页打开</Text>
    </View>
  )
}

/** 123 456: read aloud in two halves. */
const groupDigits = (d: string) => d.replace(/^(\d{3})(\d{3})$/, '$1 $2')

/** The code itself while check-in is open: QR, countdown to the next one, the 6-digit typed code. */
function LiveCode({ current, code, now }: LiveCodeProps) {
  const secondsLeft = code.next ? Math.max(0, Math.ceil((code.next.at - now.getTime()) / 1000)) : 0
  const fraction = Math.min(1, secondsLeft / CHECKIN_WINDOW_SECONDS)
  // A code older than its grace window is refused: say so rather than let workers scan it.
  const expired = now.getTime() > new Date(current.validUntil).getTime()
  return (
    <>
      <Text className={`${prefix}__status ${prefix}__status--open`}>请用微信扫码签到</Text>
      <View className={`${prefix}__qr-box ${expired ? `${prefix}__qr-box--expired` : ''}`.trim()}>
        {current.imageBase64 ? (
          <Image
            className={`${prefix}__qr`}
            src={`data:image/png;base64,${current.imageBase64}`}
            mode="aspectFit"
            ariaLabel="签到二维码"
          />
        ) : (
          <View className={`${prefix}__qr-placeholder`} />
        )}
        {expired ? <Text className={`${prefix}__qr-mask`}>网络中断，签到码已失效{'\n'}正在重新获取</Text> : null}
      </View>
      <View className={`${prefix}__countdown`}>
        <View className={`${prefix}__track`}>
          <View className={`${prefix}__fill`} style={{ width: `${Math.round(fraction * 100)}%` }} />
        </View>
        <Text className={`${prefix}__seconds`}>{secondsLeft} 秒后更换</Text>
      </View>
      {code.unstable ? (
        <Text className={`${prefix}__unstable`}>网络不稳定，正在重试</Text>
      ) : (
        <Text className={`${prefix}__note`}>每 {CHECKIN_WINDOW_SECONDS} 秒自动更换，截图无效</Text>
      )}
      <View className={`${prefix}__digits-box`}>
        <Text className={`${prefix}__digits-label`}>扫不了码？输入数字签到码</Text>
        <Text className={`${prefix}__digits`}>{groupDigits(current.digits)}</Text>
        <Text className={`${prefix}__digits-note`}>每分钟更换</Text>
      </View>
    </>
  )
}

function CodeScreen({ lessonId }: { lessonId: string }) {
  const code = useCheckinCode(lessonId)
  const attendance = useAttendanceLive(lessonId)
  const now = useNow(1000)
  const tools = useDoorTools(lessonId, code.code?.presence ?? null, () => void attendance.refresh())

  if (code.status === 'loading') {
    return (
      <View className={prefix}>
        <View className={`${prefix}__card ${prefix}__card--loading`} ariaLabel="加载中">
          <View className={`${prefix}__qr-placeholder`} />
          <Text className={`${prefix}__note`}>正在生成签到码…</Text>
        </View>
      </View>
    )
  }
  if (code.status === 'error' || !code.code) {
    return (
      <View className={prefix}>
        <View className={`${prefix}__card`}>
          <StateView status="error" compact title={code.error?.message ?? '签到码加载失败'} onAction={code.retry} />
        </View>
      </View>
    )
  }

  const current = code.code
  const { lesson } = current
  const phase = phaseOf(current, now)

  return (
    <View className={prefix}>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__title`}>{lesson.courseTitle}</Text>
        <Text className={`${prefix}__lesson`}>
          第 {lesson.index} 课 · {formatLessonSlot(lesson.startsAt, lesson.endsAt)}
        </Text>
        <Text className={`${prefix}__venue`}>{lesson.venueName}</Text>
      </View>

      <View className={`${prefix}__card`}>
        {phase === 'closed' ? (
          <View className={`${prefix}__closed`}>
            <Text className={`${prefix}__closed-title`}>本节课签到已结束</Text>
            <Text className={`${prefix}__closed-sub`}>
              已于 {inShanghai(current.closesAt).format('HH:mm')} 下课时关闭{'\n'}未签到的职工可在考勤名单中补签
            </Text>
          </View>
        ) : phase === 'before' || !current.live ? (
          <BeforeOpen current={current} now={now} />
        ) : (
          <LiveCode current={current} code={code} now={now} />
        )}
        <Counters live={attendance.live} />
      </View>

      {phase === 'closed' ? null : (
        <View className={`${prefix}__tools`}>
          <PresenceBar tools={tools} />
          <StaffScanPanel tools={tools} />
        </View>
      )}

      <View
        className={`${prefix}__link`}
        hoverClass={`${prefix}__link--pressed`}
        ariaRole="button"
        onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.attendance(lessonId) })}
      >
        查看考勤名单 · 补签 ›
      </View>
    </View>
  )
}

export default function StaffCheckinCodePage() {
  const { params } = useRouter()
  const lessonId = params.id || ''
  return (
    <StaffGate className={prefix}>
      {lessonId ? (
        <CodeScreen lessonId={lessonId} />
      ) : (
        <View className={prefix}>
          <StateView status="error" title="缺少课次信息，请从课程管理进入" />
        </View>
      )}
    </StaffGate>
  )
}
