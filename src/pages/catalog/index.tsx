import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CatalogFilters } from '@/components/catalog-filters'
import { CatalogSearch } from '@/components/catalog-search'
import { OfferBanner } from '@/components/offer-banner'
import { CategoryChips } from '@/components/category-chips'
import { CourseCard } from '@/components/course-card'
import { LinkArea } from '@/components/link-area'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { ALL_CATEGORIES, ALL_LEVELS, useCourses } from '@/hooks/use-courses'
import { useIndustryFilter } from '@/hooks/use-industry-filter'
import { useLoadOnSight } from '@/hooks/use-load-on-sight'
import { useOfferAlert } from '@/hooks/use-offer-alert'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useSession } from '@/hooks/use-session'
import { ROUTES } from '@/utils/routes'
import { OUTCOME_ROUTES } from '@/utils/outcome-routes'
import './index.scss'

const prefix = 'xz-catalog'

export default function CatalogPage() {
  const session = useSession()
  const courses = useCourses()
  // Unknown (undefined) while the session loads; null when the worker gave none.
  const myIndustry = session.status === 'ready' ? (session.session?.industry ?? null) : undefined
  const industry = useIndustryFilter(courses, myIndustry)

  const offers = useOfferAlert()

  // Back from a course page (perhaps after enrolling) or the other tab: show current seats, states and
  // whether a seat now waits for the worker (the red dot and the banner).
  useRefreshOnShow(() => Promise.all([courses.refreshShown(), offers.refresh()]))

  usePullRefresh(courses.refresh)

  useReachBottom(() => {
    void courses.loadMore()
  })
  useLoadOnSight(`.${prefix}__footer`, courses, courses.items.length, courses.status === 'ready')

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

      <OfferBanner count={offers.waiting} onOpen={() => void Taro.switchTab({ url: ROUTES.me })} />

      <CatalogSearch
        value={courses.search}
        onSearch={courses.searchFor}
        openOnly={courses.openOnly}
        onToggleOpenOnly={() => courses.setOpenOnly(!courses.openOnly)}
      />
      <CategoryChips value={courses.category} allValue={ALL_CATEGORIES} onChange={courses.selectCategory} />
      <CatalogFilters
        level={courses.level}
        allValue={ALL_LEVELS}
        onLevel={courses.selectLevel}
        mine={industry.mine}
        myIndustry={myIndustry ?? null}
        onToggleMine={() => void industry.toggle()}
      />

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
        {courses.status === 'ready' && courses.items.length === 0 ? <NoCourses courses={courses} /> : null}
        {courses.status === 'ready'
          ? courses.items.map((course) => <CourseCard key={course.id} course={course} onOpen={openCourse} />)
          : null}
      </View>

      {courses.status === 'ready' && courses.items.length > 0 ? (
        <ListFooter className={`${prefix}__footer`} pager={courses} doneText="— 已显示全部课程 —" />
      ) : null}
      {courses.status === 'ready' ? (
        <LinkArea className={`${prefix}__wish`} onOpen={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.wishes })}>
          没找到想学的？到「职工点课」说一说 ›
        </LinkArea>
      ) : null}
    </View>
  )
}

/** An empty list says why: nothing matches the filters (and how to see everything), or nothing is published. */
function NoCourses({ courses }: { courses: ReturnType<typeof useCourses> }) {
  const { category, level, forIndustry, search, openOnly } = courses
  const filtered = !!(category || level || forIndustry || search || openOnly)
  if (search || openOnly) {
    const what = search ? `与「${search}」有关的` : ''
    return (
      <StateView
        status="empty"
        title={filtered ? `没有${what}${openOnly ? '可报名' : ''}课程` : '暂无课程'}
        description={
          openOnly ? '关掉「只看可报名」可以看到候补和即将开放的课程' : '换个词试试，比如课程名、讲师姓名或上课地点'
        }
        actionText="查看全部课程"
        onAction={courses.clearFilters}
      />
    )
  }
  const description =
    level || forIndustry
      ? `没有${[forIndustry && `适合${forIndustry}的`, level && `「${level}」`, category && `${category}类`]
          .filter(Boolean)
          .join('')}课程，换个条件看看吧`
      : category
        ? `「${category}」类课程即将上线，先看看其他类别吧`
        : '新课程即将上线，敬请期待'
  return (
    <StateView
      status="empty"
      title={filtered ? '没有符合条件的课程' : '暂无课程'}
      description={description}
      actionText={filtered ? '查看全部课程' : ''}
      onAction={courses.clearFilters}
    />
  )
}
