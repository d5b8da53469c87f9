import { Text, View } from '@tarojs/components'
import type { RatingSummary as Summary } from '@core'
import './index.scss'

export interface RatingSummaryProps {
  summary: Summary
  /** Show the five bars of the spread (the average alone when false). */
  bars?: boolean
  className?: string
}

const prefix = 'xz-rating-summary'

/** The mean rating with its count, and how many gave each number of stars. */
export function RatingSummary(props: RatingSummaryProps) {
  const { summary, bars = true, className = '' } = props
  const most = Math.max(1, ...summary.distribution)
  return (
    <View className={`${prefix} ${className}`.trim()}>
      <View className={`${prefix}__mean`}>
        <Text className={`${prefix}__average`}>{summary.average === null ? '—' : summary.average.toFixed(1)}</Text>
        <Text className={`${prefix}__count`}>{summary.count ? `${summary.count} 人评价` : '暂无评价'}</Text>
      </View>
      {bars ? (
        <View className={`${prefix}__bars`}>
          {[5, 4, 3, 2, 1].map((star) => {
            const n = summary.distribution[star - 1]
            return (
              <View key={star} className={`${prefix}__bar-row`} ariaLabel={`${star} 星 ${n} 人`}>
                <Text className={`${prefix}__bar-label`}>{star}★</Text>
                <View className={`${prefix}__track`}>
                  <View className={`${prefix}__fill`} style={{ width: `${Math.round((n / most) * 100)}%` }} />
                </View>
                <Text className={`${prefix}__bar-count`}>{n}</Text>
              </View>
            )
          })}
        </View>
      ) : null}
    </View>
  )
}
