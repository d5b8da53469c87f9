import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CheckinResult } from '@/components/checkin-result'
import { useCheckin } from '@/hooks/use-checkin'
import { useMyCheckinLessons } from '@/hooks/use-my-checkin-lessons'
import { useSession } from '@/hooks/use-session'
import { LOCATION_REFUSALS } from '@/utils/checkin'
import { ROUTES } from '@/utils/routes'
import { LocationHelp } from './location-help'
import { ManualEntry } from './manual-entry'
import { CheckinBusy, CheckinHero, CheckinTips } from './parts'
import './index.scss'

const prefix = 'xz-checkin'

/** WeChat hands the wxacode's scene over URL-encoded; a hand-made link may not be. */
function sceneFrom(params: Record<string, string | undefined>): string | null {
  const raw = params.scene
  if (!raw) return null
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/**
 * Where a worker checks in: opened by WeChat's camera from the code at the door (with `scene`, checked in at
 * once), or from the course page and 我的 to scan in the app. The H5 demo has no scanner and takes the code
 * typed in; the weapp offers typing too, for a camera that will not focus.
 */
export default function CheckinPage() {
  const { params } = useRouter()
  // Signs the H5 demo visitor in (or sends them to pick an identity); WeChat knows who scanned.
  useSession()
  const checkin = useCheckin()
  const { phase } = checkin
  // Kept here, not in the entry: after a refusal the worker corrects the code rather than retyping it.
  const [typed, setTyped] = useState('')
  const [typing, setTyping] = useState(!checkin.canScan)
  const today = useMyCheckinLessons(typing)
  const started = useRef(false)

  const scene = sceneFrom(params)
  const { submit } = checkin
  useEffect(() => {
    if (!scene || started.current) return
    started.current = true
    void submit(scene)
  }, [scene, submit])

  const goMine = () => void Taro.switchTab({ url: ROUTES.me })
  const showPass = () => void Taro.navigateTo({ url: ROUTES.checkinPass })

  const retry = () => {
    if (checkin.canScan && !typing) void checkin.scan()
    else {
      checkin.reset()
      setTyping(true)
    }
  }

  if (phase.kind === 'locating' || phase.kind === 'checking') {
    return <CheckinBusy text={phase.kind === 'locating' ? '正在确认您的位置…' : '正在签到…'} />
  }

  if (phase.kind === 'done' || phase.kind === 'refused') {
    return (
      <View className={prefix}>
        <CheckinResult
          outcome={phase}
          retryText={checkin.canScan && !typing ? '重新扫码' : '重新输入签到码'}
          onRetry={retry}
          onDone={goMine}
        />
        {phase.kind === 'refused' && LOCATION_REFUSALS.includes(phase.error.code) ? (
          <LocationHelp
            located={phase.located}
            canOpenSettings={checkin.canScan}
            onOpenSettings={() => void checkin.openLocationSettings()}
            onShowPass={showPass}
          />
        ) : null}
      </View>
    )
  }

  return (
    <View className={prefix}>
      <CheckinHero />

      {checkin.canScan ? (
        <Button className={`${prefix}__scan`} type="primary" size="large" block onClick={() => void checkin.scan()}>
          扫码签到
        </Button>
      ) : null}

      <ManualEntry
        typed={typed}
        onTyped={setTyped}
        typing={typing}
        primary={!checkin.canScan}
        onType={() => setTyping(true)}
        lessons={today.lessons}
        lessonsLoading={today.status === 'loading'}
        onCode={(code) => void submit(code)}
        onDigits={(lessonId, digits) => void checkin.submitDigits(lessonId, digits)}
      />

      <View
        className={`${prefix}__switch`}
        hoverClass={`${prefix}__switch--pressed`}
        ariaRole="button"
        onClick={showPass}
      >
        出示我的签到码，请工作人员扫
      </View>

      <CheckinTips />
    </View>
  )
}
