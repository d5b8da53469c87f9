import { Text, View } from '@tarojs/components'
import { formatDate } from '@core'
import { StateView } from '@/components/state-view'
import { RatingSummary } from '../../components/rating-summary'
import { useCourseEvaluations } from '../../hooks/use-ratings'

const prefix = 'xz-staff-completion'

/** The course's ratings under its completion list: the mean, the spread, and the latest comments. */
export function CourseRatings({ courseId }: { courseId: string | undefined }) {
  const { data, status, error, reload } = useCourseEvaluations(courseId)
  return (
    <View className={`${prefix}__ratings`}>
      <Text className={`${prefix}__section-title`}>课程评价</Text>
      {status === 'loading' ? <StateView status="loading" skeletonCount={1} /> : null}
      {status === 'error' ? (
        <StateView status="error" compact title={error?.message ?? '加载失败'} onAction={() => void reload()} />
      ) : null}
      {status === 'ready' && data ? (
        <>
          <RatingSummary summary={data.summary} />
          {data.comments.map((c, i) => (
            <View key={i} className={`${prefix}__comment`}>
              <Text className={`${prefix}__comment-head`}>
                {'★'.repeat(c.rating)} · {formatDate(c.at)}
              </Text>
              <Text className={`${prefix}__comment-text`}>{c.comment}</Text>
            </View>
          ))}
        </>
      ) : null}
    </View>
  )
}
