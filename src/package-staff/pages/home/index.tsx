import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ERROR_MESSAGES } from '@/core'
import { StateView } from '@/components/state-view'
import { useSession } from '@/hooks/use-session'
import { ROUTES } from '@/utils/routes'
import './index.scss'

const prefix = 'xz-staff-home'

/** What the workbench will hold; listed now so staff know what is coming and where it will live. */
const UPCOMING = [
  { title: '课程管理', text: '发布课程、调整名额与上课时间' },
  { title: '签到码', text: '课堂上展示动态签到码，每 15 秒更新' },
  { title: '实时考勤', text: '查看到课、迟到与缺课情况，补签需填写原因' },
  { title: '名单导出', text: '导出报名与考勤名单' },
  { title: '项目进度', text: '百日百课整体开课与结业进度' },
] as const

export default function StaffHomePage() {
  const session = useSession()

  if (session.status === 'idle' || session.status === 'loading' || session.status === 'anonymous') {
    return (
      <View className={prefix}>
        <StateView status="loading" skeletonCount={2} />
      </View>
    )
  }

  if (session.status === 'error' && !session.session) {
    return (
      <View className={prefix}>
        <StateView
          status="error"
          title={session.error?.message ?? '加载失败'}
          onAction={() => void session.refresh()}
        />
      </View>
    )
  }

  if (!session.isStaff) {
    return (
      <View className={prefix}>
        <StateView
          status="error"
          title={ERROR_MESSAGES['AUTH.FORBIDDEN']}
          description="如您是工会工作人员，请联系管理员开通权限"
          actionText="返回课程列表"
          onAction={() => void Taro.switchTab({ url: ROUTES.catalog })}
        />
      </View>
    )
  }

  return (
    <View className={prefix}>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__title`}>工作人员工作台</Text>
        <Text className={`${prefix}__sub`}>
          {session.session?.name ? `${session.session.name}，您好。` : ''}以下功能将陆续开放
        </Text>
      </View>
      <View className={`${prefix}__list`}>
        {UPCOMING.map((item) => (
          <View key={item.title} className={`${prefix}__item`}>
            <View className={`${prefix}__item-body`}>
              <Text className={`${prefix}__item-title`}>{item.title}</Text>
              <Text className={`${prefix}__item-text`}>{item.text}</Text>
            </View>
            <Text className={`${prefix}__soon`}>即将开放</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
