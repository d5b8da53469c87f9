import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { CATEGORIES } from '@/core'
import { CourseCard } from '@/components/course-card'
import { StateView } from '@/components/state-view'
import { ALL_CATEGORIES, useCourses } from '@/hooks/use-courses'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useSession } from '@/hooks/use-session'
import { toast } from '@/utils/feedback'
import { ROUTES } from '@/utils/routes'
import './index.scss'

const prefix = 'xz-catalog'

const CHIPS = [{ value: ALL_CATEGORIES, label: '全部' }, ...CATEGORIES.map((c) => ({ value: c, label: c }))]

export default function CatalogPage() {
  const session = useSession()
  const courses = useCourses()

  // Back from a course page (perhaps after enrolling) or the other tab: show current seats and states.
  useRefreshOnShow(courses.refreshShown)

  usePullDownRefresh(async () => {
    const reply = await courses.refresh()
    Taro.stopPullDownRefresh()
    if (reply && !reply.ok) toast(reply.error.message)
  })

  useReachBottom(() => {
    void courses.loadMore()
  })

  const openCourse = (id: string) => {
    void Taro.navigateTo({ url: ROUTES.course(id) })
  }

  const showSignUpHint = session.status === 'ready' && !session.profileComplete

  return (
    <View className={prefix}>
      <View className={`${prefix}__banner`}>
        <Text className={`${prefix}__banner-title`}>新质课堂 · 百日百课</Text>
        <Text className={`${prefix}__banner-sub`}>免费技能培训 · 工会为职工办实事</Text>
        <View className={`${prefix}__banner-tags`}>
          <Text className={`${prefix}__banner-tag`}>免费</Text>
          <Text className={`${prefix}__banner-tag`}>就近上课</Text>
          <Text className={`${prefix}__banner-tag`}>结业证书</Text>
        </View>
      </View>

      {showSignUpHint ? (
        <View
          className={`${prefix}__hint`}
          hoverClass={`${prefix}__hint--pressed`}
          onClick={() => void Taro.navigateTo({ url: ROUTES.profile })}
        >
          <Text className={`${prefix}__hint-text`}>完善个人信息后即可报名课程</Text>
          <Text className={`${prefix}__hint-link`}>去完善 ›</Text>
        </View>
      ) : null}

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

      <View className={`${prefix}__list`}>
        {courses.status === 'loading' ? <StateView status="loading" skeletonCount={3} /> : null}
        {courses.status === 'error' ? (
          <StateView
            status="error"
            title={courses.error?.message ?? '加载失败'}
            description="请检查网络后重试"
            onAction={() => void courses.retry()}
          />
        ) : null}
        {courses.status === 'ready' && courses.items.length === 0 ? (
          <StateView
            status="empty"
            title="暂无课程"
            description={
              courses.category ? `「${courses.category}」类课程即将上线，先看看其他类别吧` : '新课程即将上线，敬请期待'
            }
            actionText={courses.category ? '查看全部课程' : ''}
            onAction={() => courses.selectCategory(ALL_CATEGORIES)}
          />
        ) : null}
        {courses.status === 'ready'
          ? courses.items.map((course) => <CourseCard key={course.id} course={course} onOpen={openCourse} />)
          : null}
      </View>

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
            <Text className={`${prefix}__footer-text`}>— 已显示全部课程 —</Text>
          )}
        </View>
      ) : null}
    </View>
  )
}
