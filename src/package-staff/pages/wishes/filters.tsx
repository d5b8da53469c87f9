import { ScrollView, View } from '@tarojs/components'
import { INDUSTRIES } from '@core'
import { WISH_NO_INDUSTRY, type WishState } from '@core/contracts/wishes'
import { STATE_LABEL } from './wish-row'
import { prefix } from './prefix'

const STATES: (WishState | undefined)[] = [undefined, 'pending', 'published', 'scheduled', 'merged', 'closed']
const INDUSTRY_CHOICES: (string | undefined)[] = [undefined, ...INDUSTRIES, WISH_NO_INDUSTRY]

export interface WishFiltersProps {
  state: WishState | undefined
  industry: string | undefined
  onState: (state: WishState | undefined) => void
  onIndustry: (industry: string | undefined) => void
}

function Chip({ active, label, onTap }: { active: boolean; label: string; onTap: () => void }) {
  return (
    <View
      className={`${prefix}__filter ${active ? `${prefix}__filter--active` : ''}`.trim()}
      ariaRole="button"
      aria-pressed={active}
      onClick={onTap}
    >
      {label}
    </View>
  )
}

/** Which wishes (by state) and in what order: all votes, or the votes of one industry's workers. */
export function WishFilters({ state, industry, onState, onIndustry }: WishFiltersProps) {
  return (
    <View className={`${prefix}__filter-block`}>
      <View className={`${prefix}__filters`}>
        {STATES.map((s) => (
          <Chip key={s ?? 'all'} active={state === s} label={s ? STATE_LABEL[s] : '全部'} onTap={() => onState(s)} />
        ))}
      </View>
      <ScrollView className={`${prefix}__industry-scroll`} scrollX enhanced showScrollbar={false}>
        <View className={`${prefix}__industry-row`}>
          {INDUSTRY_CHOICES.map((i) => (
            <Chip
              key={i ?? 'all'}
              active={industry === i}
              label={i ? `${i}职工票数` : '按总票数'}
              onTap={() => onIndustry(i)}
            />
          ))}
        </View>
      </ScrollView>
    </View>
  )
}
