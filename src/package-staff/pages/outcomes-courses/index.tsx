import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDate, type FinishedCourse } from '@core'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { useFinishedCourses } from '../../hooks/use-finished-courses'
import { OUTCOME_ROUTES } from '@/utils/outcome-routes'
import { LinkArea } from '@/components/link-area'
import { StaffGate } from '../staff-gate'
import './index.scss'

const prefix = 'xz-staff-outcomes'

function CourseItem({ course }: { course: FinishedCourse }) {
  return (
    <LinkArea
      className={`${prefix}__item`}
      label={course.title}
      onOpen={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.staffCourse(course.courseId) })}
    >
      <View className={`${prefix}__item-head`}>
        <Text className={`${prefix}__item-title`}>{course.title}</Text>
        {course.settledAt ? (
          <Text className={`${prefix}__tag ${prefix}__tag--done`}>已认定 {course.qualified} 人</Text>
        ) : (
          <Text className={`${prefix}__tag`}>待认定</Text>
        )}
      </View>
      <Text className={`${prefix}__item-meta`}>
        {course.category} · {course.instructor} · {formatDate(course.lastLessonAt)} 结课 · {course.lessons} 次课 ·{' '}
        {course.seatsTaken} 人报名
      </Text>
    </LinkArea>
  )
}

function Courses() {
  const list = useFinishedCourses()
  useReachBottom(() => void list.loadMore())
  return (
    <View className={prefix}>
      <LinkArea
        className={`${prefix}__ratings`}
        onOpen={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.staffInstructors })}
      >
        评价汇总：全项目与各讲师的评分 ›
      </LinkArea>
      <Text className={`${prefix}__hint`}>
        课程最后一节课结束、缺勤统计完成后，系统自动认定结业并发放证书；也可以进入课程手动认定。
      </Text>
      {list.status === 'loading' ? <StateView status="loading" skeletonCount={3} /> : null}
      {list.status === 'error' ? (
        <StateView status="error" title={list.error?.message ?? '加载失败'} onAction={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.courses.length === 0 ? (
        <StateView status="empty" title="还没有已结课的课程" description="课程全部上完后会出现在这里" />
      ) : null}
      {list.status === 'ready' ? list.courses.map((c) => <CourseItem key={c.courseId} course={c} />) : null}
      {list.status === 'ready' && list.courses.length > 0 ? (
        <ListFooter pager={list} doneText="已显示全部结课课程" />
      ) : null}
    </View>
  )
}

export default function StaffOutcomesCoursesPage() {
  return (
    <StaffGate className={prefix}>
      <Courses />
    </StaffGate>
  )
}
