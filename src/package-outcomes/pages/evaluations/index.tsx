import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDate, type EvaluationTodo } from '@core'
import { StateView } from '@/components/state-view'
import { OUTCOME_ROUTES } from '@/utils/outcome-routes'
import { LinkArea } from '@/components/link-area'
import { StarRating } from '../../components/star-rating'
import { useMyEvaluations } from '../../hooks/use-my-evaluations'
import './index.scss'

const prefix = 'xz-evals'

function Item({ item }: { item: EvaluationTodo }) {
  const rated = item.evaluation
  return (
    <LinkArea
      className={`${prefix}__item`}
      label={item.courseTitle}
      onOpen={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.evaluate(item.courseId) })}
    >
      <View className={`${prefix}__body`}>
        <Text className={`${prefix}__title`}>{item.courseTitle}</Text>
        <Text className={`${prefix}__meta`}>{formatDate(item.lastLessonAt)} 结课</Text>
        {rated ? <StarRating value={rated.rating} size="small" className={`${prefix}__stars`} /> : null}
      </View>
      {rated ? (
        <Text className={`${prefix}__done`}>{item.editable ? '可修改' : '已评价'}</Text>
      ) : (
        <Text className={`${prefix}__todo`}>去评价</Text>
      )}
    </LinkArea>
  )
}

export default function EvaluationsPage() {
  const list = useMyEvaluations()
  useDidShow(() => void list.refresh())
  return (
    <View className={prefix}>
      <Text className={`${prefix}__intro`}>
        您的评价帮助工会改进课程。评价匿名展示给工作人员，提交后 7 天内可以修改。
      </Text>
      {list.status === 'loading' ? <StateView status="loading" skeletonCount={2} /> : null}
      {list.status === 'error' ? (
        <StateView status="error" title={list.error?.message ?? '加载失败'} onAction={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.courses.length === 0 ? (
        <StateView
          status="empty"
          title="暂时没有可以评价的课程"
          description="上过课、课程全部结束后，可以在这里为课程打分"
        />
      ) : null}
      {list.status === 'ready' ? list.courses.map((c) => <Item key={c.courseId} item={c} />) : null}
    </View>
  )
}
