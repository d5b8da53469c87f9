import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CategoryChips } from '@/components/category-chips'
import { ListFooter } from '@/components/list-footer'
import { StaffCourseRow } from '../../components/staff-course-row'
import { StateView } from '@/components/state-view'
import { ALL_CATEGORIES, useCourses } from '@/hooks/use-courses'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { StaffGate } from '../staff-gate'
import { STAFF_ROUTES } from '../../routes'
import './index.scss'

const prefix = 'xz-staff-courses'

function CourseList() {
  const courses = useCourses()

  // Coming back from a new or edited course: show its fresh numbers without a manual pull.
  useRefreshOnShow(courses.refresh)

  usePullRefresh(courses.refresh)

  useReachBottom(() => {
    void courses.loadMore()
  })

  return (
    <View className={prefix}>
      <View className={`${prefix}__top`}>
        <Text className={`${prefix}__hint`}>点击课程可调整名额、查看名单或取消</Text>
        <Button
          className={`${prefix}__new`}
          type="primary"
          size="small"
          onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.courseNew })}
        >
          ＋ 新建课程
        </Button>
      </View>

      <CategoryChips value={courses.category} allValue={ALL_CATEGORIES} onChange={courses.selectCategory} />

      {courses.status === 'loading' ? <StateView status="loading" skeletonCount={3} /> : null}
      {courses.status === 'error' ? (
        <StateView status="error" title={courses.error?.message ?? '加载失败'} onAction={() => void courses.retry()} />
      ) : null}
      {courses.status === 'ready' && courses.items.length === 0 ? (
        <StateView
          status="empty"
          title={courses.category ? `「${courses.category}」暂无课程` : '还没有课程'}
          description="新建一门课程，或从课程表批量导入"
          actionText="新建课程"
          onAction={() => void Taro.navigateTo({ url: STAFF_ROUTES.courseNew })}
        />
      ) : null}
      {courses.status === 'ready'
        ? courses.items.map((course) => (
            <StaffCourseRow
              key={course.id}
              course={course}
              onOpen={(id) => void Taro.navigateTo({ url: STAFF_ROUTES.courseManage(id) })}
            />
          ))
        : null}

      {courses.status === 'ready' && courses.items.length > 0 ? (
        <ListFooter
          className={`${prefix}__footer`}
          pager={courses}
          doneText={`— 已显示全部 ${courses.items.length} 门课程 —`}
        />
      ) : null}
    </View>
  )
}

export default function StaffCoursesPage() {
  return (
    <StaffGate className={prefix}>
      <CourseList />
    </StaffGate>
  )
}
