import { Text, View } from '@tarojs/components'
import './index.scss'

export interface EvaluationPromptProps {
  /** The worker's rating, or null when they have not rated yet. */
  rating: number | null
  onOpen: () => void
  className?: string
}

const prefix = 'xz-evaluation-prompt'

/** On a finished course the worker attended: asks for a rating, or shows the one given. */
export function EvaluationPrompt(props: EvaluationPromptProps) {
  const { rating, onOpen, className = '' } = props
  return (
    <View
      className={`${prefix} ${className}`.trim()}
      hoverClass={`${prefix}--pressed`}
      ariaRole="button"
      ariaLabel="评价课程"
      onClick={onOpen}
    >
      <View className={`${prefix}__text`}>
        <Text className={`${prefix}__title`}>{rating ? '您的评价' : '课程结束了，给这门课打个分吧'}</Text>
        <Text className={`${prefix}__stars`}>{rating ? '★'.repeat(rating) + '☆'.repeat(5 - rating) : '☆☆☆☆☆'}</Text>
      </View>
      <Text className={`${prefix}__action`}>{rating ? '查看 ›' : '去评价 ›'}</Text>
    </View>
  )
}
