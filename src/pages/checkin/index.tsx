import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CheckinResult } from '@/components/checkin-result'
import { useCheckin } from '@/hooks/use-checkin'
import { useSession } from '@/hooks/use-session'
import { ROUTES } from '@/utils/routes'
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
  const started = useRef(false)

  const scene = sceneFrom(params)
  const { submit } = checkin
  useEffect(() => {
    if (!scene || started.current) return
    started.current = true
    void submit(scene)
  }, [scene, submit])

  const goMine = () => void Taro.switchTab({ url: ROUTES.me })

  const retry = () => {
    if (checkin.canScan) void checkin.scan()
    else {
      checkin.reset()
      setTyping(true)
    }
  }

  if (phase.kind === 'checking') {
    return (
      <View className={prefix}>
        <View className={`${prefix}__checking`} ariaLabel="正在签到">
          <View className={`${prefix}__spinner`} />
          <Text className={`${prefix}__checking-text`}>正在签到…</Text>
        </View>
      </View>
    )
  }

  if (phase.kind === 'done' || phase.kind === 'refused') {
    return (
      <View className={prefix}>
        <CheckinResult
          outcome={phase}
          retryText={checkin.canScan ? '重新扫码' : '重新输入签到码'}
          onRetry={retry}
          onDone={goMine}
        />
      </View>
    )
  }

  return (
    <View className={prefix}>
      <View className={`${prefix}__hero`}>
        <View className={`${prefix}__icon`}>
          <View className={`${prefix}__corner ${prefix}__corner--tl`} />
          <View className={`${prefix}__corner ${prefix}__corner--tr`} />
          <View className={`${prefix}__corner ${prefix}__corner--bl`} />
          <View className={`${prefix}__corner ${prefix}__corner--br`} />
          <View className={`${prefix}__scanline`} />
        </View>
        <Text className={`${prefix}__title`}>课堂签到</Text>
        <Text className={`${prefix}__sub`}>请扫描上课现场大屏上的签到码</Text>
      </View>

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
        onSubmit={submit}
      />

      <View className={`${prefix}__tips`}>
        <Text className={`${prefix}__tip`}>· 签到码每 15 秒更换一次，请扫描现场大屏，截图无效</Text>
        <Text className={`${prefix}__tip`}>· 开课前 30 分钟开放签到，下课后关闭</Text>
        <Text className={`${prefix}__tip`}>· 手机没电或无法扫码，请找现场工作人员补签</Text>
      </View>
    </View>
  )
}

interface ManualEntryProps {
  typed: string
  onTyped: (text: string) => void
  /** The input is open (always in H5, on request in the weapp). */
  typing: boolean
  /** The only way in (no scanner): the submit button is the main one. */
  primary: boolean
  onType: () => void
  onSubmit: (code: string) => Promise<unknown>
}

/** Typing the code from under the QR, for the H5 demo and for a camera that will not focus. */
function ManualEntry({ typed, onTyped, typing, primary, onType, onSubmit }: ManualEntryProps) {
  // The code screen prints the code in groups of four for reading aloud; spaces are not part of it.
  const code = typed.replace(/\s+/g, '')
  return typing ? (
    <View className={`${prefix}__manual`}>
      <Text className={`${prefix}__manual-label`}>输入签到码</Text>
      <View className={`${prefix}__input-box`}>
        <Input
          className={`${prefix}__input`}
          value={typed}
          maxlength={64}
          placeholder="大屏二维码下方的签到码"
          ariaLabel="签到码"
          onInput={(e) => onTyped(e.detail.value)}
        />
      </View>
      <Button
        className={`${prefix}__submit`}
        type={primary ? 'primary' : 'default'}
        size="large"
        block
        disabled={!code}
        onClick={() => void onSubmit(code)}
      >
        签到
      </Button>
    </View>
  ) : (
    <View className={`${prefix}__switch`} hoverClass={`${prefix}__switch--pressed`} ariaRole="button" onClick={onType}>
      扫不了？输入签到码
    </View>
  )
}
