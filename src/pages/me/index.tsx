import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { StateView } from '@/components/state-view'
import { useDevIdentity } from '@/hooks/use-dev-accounts'
import { useSession } from '@/hooks/use-session'
import avatarImage from '@/assets/avatar.png'
import { confirm } from '@/utils/feedback'
import { ROUTES } from '@/utils/routes'
import './index.scss'

const prefix = 'xz-me'

function EntryRow(props: { title: string; note?: string; onClick: () => void; accent?: boolean }) {
  return (
    <View className={`${prefix}__row`} hoverClass={`${prefix}__row--pressed`} onClick={props.onClick}>
      <Text className={`${prefix}__row-title ${props.accent ? `${prefix}__row-title--accent` : ''}`.trim()}>
        {props.title}
      </Text>
      <Text className={`${prefix}__row-note`}>{props.note ?? ''}</Text>
      <Text className={`${prefix}__row-arrow`}>›</Text>
    </View>
  )
}

export default function MePage() {
  const session = useSession()
  const devIdentity = useDevIdentity()

  const registered = session.profileComplete
  const name = session.session?.name ?? null
  const roleLabel = session.role === 'admin' ? '管理员' : session.role === 'staff' ? '工作人员' : ''

  const goProfile = () => void Taro.navigateTo({ url: ROUTES.profile })

  const switchIdentity = async () => {
    if (await confirm('切换身份', '将退出当前体验账号，回到身份选择页。', '切换')) {
      devIdentity.forget()
      void Taro.reLaunch({ url: ROUTES.login })
    }
  }

  return (
    <View className={prefix}>
      <View className={`${prefix}__header`} onClick={goProfile}>
        <View className={`${prefix}__avatar`}>
          {registered && name ? (
            <Text className={`${prefix}__avatar-text`}>{Array.from(name)[0]}</Text>
          ) : (
            <Image className={`${prefix}__avatar-image`} src={avatarImage} mode="aspectFit" />
          )}
        </View>
        <View className={`${prefix}__who`}>
          <View className={`${prefix}__name-line`}>
            <Text className={`${prefix}__name`}>{registered && name ? name : '未登记'}</Text>
            {roleLabel ? <Text className={`${prefix}__role`}>{roleLabel}</Text> : null}
          </View>
          <Text className={`${prefix}__sub`}>
            {session.status === 'loading' || session.status === 'idle'
              ? '正在加载…'
              : registered
                ? '点击查看或修改个人信息'
                : '完善个人信息后即可报名免费课程'}
          </Text>
        </View>
        <Text className={`${prefix}__header-arrow`}>›</Text>
      </View>

      {session.status === 'error' ? (
        <View className={`${prefix}__alert`} onClick={() => void session.refresh()}>
          {session.error?.message}，点此重试
        </View>
      ) : null}

      <View className={`${prefix}__group`}>
        <EntryRow title="个人信息" note={registered ? '已登记' : '去完善'} onClick={goProfile} accent={!registered} />
        {session.isStaff ? (
          <EntryRow
            title="工作人员入口"
            note="课程管理 · 签到"
            onClick={() => void Taro.navigateTo({ url: ROUTES.staffHome })}
          />
        ) : null}
        {devIdentity.available ? (
          <EntryRow title="切换身份" note="本地体验" onClick={() => void switchIdentity()} />
        ) : null}
      </View>

      <View className={`${prefix}__card`}>
        <Text className={`${prefix}__card-title`}>我的课程</Text>
        <StateView
          status="empty"
          compact
          title="暂无报名的课程"
          description="报名后，课程会显示在这里"
          actionText="去选课"
          onAction={() => void Taro.switchTab({ url: ROUTES.catalog })}
        />
      </View>

      <View className={`${prefix}__card`}>
        <Text className={`${prefix}__card-title`}>考勤与证书</Text>
        <StateView status="empty" compact title="暂无" description="上课签到与结业证书会显示在这里" />
      </View>

      <Text className={`${prefix}__footer`}>新质课堂 · 工会免费技能培训</Text>
    </View>
  )
}
