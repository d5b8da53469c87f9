import { Text, View } from '@tarojs/components'
import { LEVELS } from '@core'
import './index.scss'

export interface CatalogFiltersProps {
  /** The level shown; `allValue` when every level is. */
  level: string
  allValue: string
  onLevel: (level: string) => void
  /** True while the list shows only what suits the worker's industry. */
  mine: boolean
  /** The worker's industry from the profile; null when not given (the page then offers to set it). */
  myIndustry: string | null
  onToggleMine: () => void
  className?: string
}

const defaults = { className: '' } as const

const prefix = 'xz-catalog-filters'

/** The catalog's second row of filters: the level, and "适合我的行业" as a toggle beside it. */
export function CatalogFilters(props: CatalogFiltersProps) {
  const { level, allValue, onLevel, mine, myIndustry, onToggleMine, className } = { ...defaults, ...props }
  const levels = [{ value: allValue, label: '全部' }, ...LEVELS.map((l) => ({ value: l, label: l }))]
  const mineLabel = mine && myIndustry ? `适合${myIndustry}` : '适合我的行业'
  return (
    <View className={`${prefix} ${className}`.trim()}>
      <View className={`${prefix}__levels`} ariaRole="radiogroup" ariaLabel="课程难度">
        {levels.map((l) => (
          <View
            key={l.label}
            className={`${prefix}__level ${level === l.value ? `${prefix}__level--active` : ''}`.trim()}
            ariaRole="radio"
            ariaLabel={level === l.value ? `难度${l.label}，已选` : `难度${l.label}`}
            onClick={() => onLevel(l.value)}
          >
            {l.label}
          </View>
        ))}
      </View>
      <View
        className={`${prefix}__mine ${mine ? `${prefix}__mine--on` : ''}`.trim()}
        ariaRole="switch"
        ariaLabel={mine ? `${mineLabel}，已打开` : mineLabel}
        onClick={onToggleMine}
      >
        <Text className={`${prefix}__box`}>{mine ? '✓' : ''}</Text>
        <Text>{mineLabel}</Text>
      </View>
    </View>
  )
}

export default CatalogFilters
