import { ScrollView, View } from '@tarojs/components'
import { CATEGORIES } from '@core'
import './index.scss'

export interface CategoryChipsProps {
  /** The category shown; `allValue` when every category is. */
  value: string
  /** What stands for "all categories" (the list hook's own constant). */
  allValue: string
  onChange: (category: string) => void
  className?: string
}

const defaults = { className: '' } as const

const prefix = 'xz-category-chips'

/** 全部 and one chip per category, in a row that scrolls sideways; the course lists filter by it. */
export function CategoryChips(props: CategoryChipsProps) {
  const { value, allValue, onChange, className } = { ...defaults, ...props }
  const chips = [{ value: allValue, label: '全部' }, ...CATEGORIES.map((c) => ({ value: c, label: c }))]
  return (
    <ScrollView className={`${prefix} ${className}`.trim()} scrollX enhanced showScrollbar={false}>
      <View className={`${prefix}__inner`}>
        {chips.map((chip) => (
          <View
            key={chip.label}
            className={`${prefix}__chip ${value === chip.value ? `${prefix}__chip--active` : ''}`.trim()}
            onClick={() => onChange(chip.value)}
          >
            {chip.label}
          </View>
        ))}
      </View>
    </ScrollView>
  )
}

export default CategoryChips
