import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CATEGORIES } from '@/core'
import { StaffCourseRow } from '@/components/staff-course-row'
import { StateView } from '@/components/state-view'
import { ALL_CATEGORIES, useCourses } from '@/hooks/use-courses'
import { toast } from '@/utils/feedback'
import { StaffGate } from '../../components/staff-gate'
import { STAFF_ROUTES } from '../../routes'
import './index.scss'

const prefix = 'xz-staff-courses'

const CHIPS = [{ value: ALL_CATEGORIES, label: '全部' }, ...CATEGORIES.map((c) => ({ value: c, label: c }))]

function CourseList() {
  const courses = useCourses()
  const shownOnce = useRef(false)

  // Coming back from a new or edited course: show its fresh numbers without a manual pull.
  useDidShow(() => {
    if (shownOnce.current) void courses.refresh()
    shownOnce.current = true
  })

  usePullDownRefresh(async () => {
    const reply = await courses.refresh()
    Taro.stopPullDownRefresh()
    if (reply && !reply.ok) toast(reply.error.message)
  })

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

      <ScrollView className={`${prefix}__chips`} scrollX enhanced showScrollbar={false}>
        <View className={`${prefix}__chips-inner`}>
          {CHIPS.map((chip) => (
            <View
              key={chip.label}
              className={`${prefix}__chip ${courses.category === chip.value ? `${prefix}__chip--active` : ''}`.trim()}
              onClick={() => courses.selectCategory(chip.value)}
            >
              {chip.label}
            </View>
          ))}
        </View>
      </ScrollView>

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
        <View className={`${prefix}__footer`}>
          {courses.loadingMore ? (
            <Text className={`${prefix}__footer-text`}>正在加载…</Text>
          ) : courses.moreError ? (
            <View className={`${prefix}__more`} onClick={() => void courses.loadMore()}>
              {courses.moreError.message}，点此重试
            </View>
          ) : courses.hasMore ? (
            <View className={`${prefix}__more`} onClick={() => void courses.loadMore()}>
              加载更多
            </View>
          ) : (
            <Text className={`${prefix}__footer-text`}>— 已显示全部 {courses.items.length} 门课程 —</Text>
          )}
        </View>
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
