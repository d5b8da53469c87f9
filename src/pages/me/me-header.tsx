import { Image, Text, View } from '@tarojs/components'
import avatarImage from '@/assets/avatar.png'
import type { useSession } from '@/hooks/use-session'
import { prefix } from './prefix'

export interface MeHeaderProps {
  session: ReturnType<typeof useSession>
  onOpenProfile: () => void
}

const ROLE_LABELS: Record<string, string> = { admin: '管理员', staff: '工作人员' }

/** Who is signed in, and the way to their profile; a failed login shows a retry line under it. */
export function MeHeader({ session, onOpenProfile }: MeHeaderProps) {
  const registered = session.profileComplete
  const name = session.session?.name ?? null
  const roleLabel = ROLE_LABELS[session.role ?? ''] ?? ''
  const loading = session.status === 'loading' || session.status === 'idle'
  return (
    <>
      <View className={`${prefix}__header`} onClick={onOpenProfile}>
        <View className={`${prefix}__avatar`}>
          {loading ? null : registered && name ? (
            <Text className={`${prefix}__avatar-text`}>{Array.from(name)[0]}</Text>
          ) : (
            <Image className={`${prefix}__avatar-image`} src={avatarImage} mode="aspectFit" />
          )}
        </View>
        <View className={`${prefix}__who`}>
          {loading ? (
            // Nothing is known yet: grey bars, not "未登记 / 去完善" for a worker who has registered.
            <View className={`${prefix}__who-skeleton`} ariaLabel="正在加载">
              <View className={`${prefix}__skeleton-line ${prefix}__skeleton-line--name`} />
              <View className={`${prefix}__skeleton-line`} />
            </View>
          ) : (
            <>
              <View className={`${prefix}__name-line`}>
                <Text className={`${prefix}__name`}>{registered && name ? name : '未登记'}</Text>
                {roleLabel ? <Text className={`${prefix}__role`}>{roleLabel}</Text> : null}
              </View>
              <Text className={`${prefix}__sub`}>
                {registered ? '点击查看或修改个人信息' : '完善个人信息后即可报名免费课程'}
              </Text>
            </>
          )}
        </View>
        <Text className={`${prefix}__header-arrow`}>›</Text>
      </View>
      {session.status === 'error' ? (
        <View className={`${prefix}__alert`} onClick={() => void session.refresh()}>
          {session.error?.message}，点此重试
        </View>
      ) : null}
    </>
  )
}
