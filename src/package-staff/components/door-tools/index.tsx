import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PresenceInfo } from '@core'
import type { DoorTools } from '../../lib/attendance'
import './index.scss'

const prefix = 'xz-door'

type Tools = DoorTools

function presenceLine(p: PresenceInfo): string {
  if (p.mode === 'location') return `签到需定位：上课地点 ${p.radiusM} 米内`
  return p.venueLocated ? '本节课签到不核对位置' : '上课地点未设置坐标，签到不核对位置'
}

function Switch({ label, on, onToggle }: { label: string; on: boolean; onToggle: () => void }) {
  return (
    <View className={`${prefix}__switch-row`}>
      <Text className={`${prefix}__switch-label`}>{label}</Text>
      <View
        className={`${prefix}__switch ${on ? `${prefix}__switch--on` : ''}`.trim()}
        ariaRole="switch"
        ariaLabel={`${label}：${on ? '已开启' : '已关闭'}`}
        onClick={onToggle}
      >
        <View className={`${prefix}__knob`} />
      </View>
    </View>
  )
}

/** How this lesson proves presence: its location check (where the venue has coordinates) and 允许仅输入数字码. */
export function PresenceBar({ tools }: { tools: Tools }) {
  const p = tools.presence
  if (!p) return null
  const on = p.allowDigits
  return (
    <View className={`${prefix}__presence`}>
      <Text className={`${prefix}__presence-line`}>{presenceLine(p)}</Text>
      {p.venueLocated ? (
        <Switch label="本节课核对位置" on={p.mode === 'location'} onToggle={() => void tools.toggleLocation()} />
      ) : null}
      <Switch label="允许仅输入数字码" on={on} onToggle={() => void tools.toggleDigits()} />
      <Text className={`${prefix}__switch-note`}>
        {on ? '已开启：职工输入数字码即可签到，无需定位' : '数字码须同时定位在现场才算签到'}
      </Text>
      {tools.optionError ? <Text className={`${prefix}__error`}>{tools.optionError}</Text> : null}
    </View>
  )
}

/**
 * 反扫 at the door: the camera on the weapp, a paste box in the H5 demo. After a scan, the worker's name
 * and employer in large type, so staff can look up and check the person in front of them.
 */
export function StaffScanPanel({ tools }: { tools: Tools }) {
  const [pasted, setPasted] = useState('')
  const { scan } = tools
  return (
    <View className={`${prefix}__scan`}>
      <Text className={`${prefix}__scan-title`}>扫职工签到码（反扫）</Text>
      {tools.canScan ? (
        <Button
          type="primary"
          size="large"
          block
          disabled={scan.kind === 'busy'}
          onClick={() => void tools.scanCamera()}
        >
          扫职工的签到码
        </Button>
      ) : (
        <View className={`${prefix}__paste`}>
          <View className={`${prefix}__input-box`}>
            <Input
              className={`${prefix}__input`}
              value={pasted}
              placeholder="粘贴职工签到码"
              ariaLabel="职工签到码"
              onInput={(e) => setPasted(e.detail.value)}
            />
          </View>
          <Button
            type="primary"
            size="large"
            block
            disabled={!pasted.trim() || scan.kind === 'busy'}
            onClick={() => void tools.submit(pasted).then(() => setPasted(''))}
          >
            确认签到
          </Button>
        </View>
      )}
      {scan.kind === 'done' ? (
        <View className={`${prefix}__result ${prefix}__result--ok`} ariaRole="status">
          <Text className={`${prefix}__result-name`}>{scan.result.name}</Text>
          <Text className={`${prefix}__result-sub`}>{scan.result.employer}</Text>
          <Text className={`${prefix}__result-state`}>
            {scan.result.status === 'already' ? '已签到过' : scan.result.late ? '签到成功（迟到）' : '签到成功'}
          </Text>
        </View>
      ) : null}
      {scan.kind === 'refused' ? (
        <View className={`${prefix}__result ${prefix}__result--refused`} ariaRole="alert">
          <Text className={`${prefix}__result-state`}>{scan.error.message}</Text>
        </View>
      ) : null}
    </View>
  )
}
