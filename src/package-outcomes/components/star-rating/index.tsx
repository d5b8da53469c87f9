import { Text, View } from '@tarojs/components'
import './index.scss'

export interface StarRatingProps {
  value: number
  /** Absent: read-only. */
  onChange?: (value: number) => void
  size?: 'large' | 'small'
  className?: string
}

const defaults = { size: 'large', className: '' } as const
const prefix = 'xz-stars'
export const RATING_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const

/** Five stars, each a large tap target when editable; the word for the chosen rating beside them. */
export function StarRating(props: StarRatingProps) {
  const { value, onChange, size, className } = { ...defaults, ...props }
  return (
    <View className={`${prefix} ${prefix}--${size} ${className}`.trim()} ariaRole="radiogroup" ariaLabel="评分">
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          className={`${prefix}__star ${n <= value ? `${prefix}__star--on` : ''}`.trim()}
          ariaRole="radio"
          ariaLabel={`${n} 星 ${RATING_WORDS[n]}`}
          aria-checked={n === value}
          onClick={() => onChange?.(n)}
        >
          ★
        </View>
      ))}
      {size === 'large' ? <Text className={`${prefix}__word`}>{RATING_WORDS[value] ?? ''}</Text> : null}
    </View>
  )
}
