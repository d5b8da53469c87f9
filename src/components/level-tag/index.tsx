import { View } from '@tarojs/components'
import { LEVELS } from '@core'
import './index.scss'

export interface LevelTagProps {
  /** 入门 / 进阶 / 实操; anything else (an older app's data) shows as it is, in the first level's colours. */
  level: string
  size?: 'normal' | 'large'
  className?: string
}

const defaults = { size: 'normal', className: '' } as const

const prefix = 'xz-level-tag'

/** Each level its own colour, so a worker tells 入门 from 实操 at a glance down the list. */
const TONES = ['basic', 'advanced', 'practice'] as const

export function LevelTag(props: LevelTagProps) {
  const { level, size, className } = { ...defaults, ...props }
  const tone = TONES[Math.max(0, (LEVELS as readonly string[]).indexOf(level))]
  return (
    <View
      className={`${prefix} ${prefix}--${tone} ${prefix}--${size} ${className}`.trim()}
      ariaLabel={`难度：${level}`}
    >
      {level}
    </View>
  )
}

export default LevelTag
