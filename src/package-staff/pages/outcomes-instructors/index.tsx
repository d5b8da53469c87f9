import { Text, View } from '@tarojs/components'
import { StateView } from '@/components/state-view'
import { RatingSummary } from '../../components/rating-summary'
import { useInstructorRatings } from '../../hooks/use-ratings'
import { StaffGate } from '../staff-gate'
import './index.scss'

const prefix = 'xz-staff-ratings'

function Ratings() {
  const { data, status, error, reload } = useInstructorRatings()
  if (status === 'loading') return <StateView status="loading" skeletonCount={2} />
  if (status === 'error' || !data) {
    return <StateView status="error" title={error?.message ?? '加载失败'} onAction={() => void reload()} />
  }
  return (
    <View className={prefix}>
      <View className={`${prefix}__section`}>
        <Text className={`${prefix}__title`}>全项目平均评分</Text>
        <RatingSummary summary={data.programme} />
      </View>
      <View className={`${prefix}__section`}>
        <Text className={`${prefix}__title`}>按讲师</Text>
        {data.instructors.length === 0 ? <StateView status="empty" compact title="还没有职工评价课程" /> : null}
        {data.instructors.map((i) => (
          <View key={i.instructor} className={`${prefix}__row`} ariaLabel={i.instructor}>
            <View className={`${prefix}__who`}>
              <Text className={`${prefix}__name`}>{i.instructor}</Text>
              <Text className={`${prefix}__meta`}>
                {i.courses} 门课 · {i.count} 人评价
              </Text>
            </View>
            <Text className={`${prefix}__average`}>{i.average === null ? '—' : i.average.toFixed(1)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export default function StaffRatingsPage() {
  return (
    <StaffGate className={prefix}>
      <Ratings />
    </StaffGate>
  )
}
