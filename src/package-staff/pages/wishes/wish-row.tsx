import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDateTime } from '@core'
import type { StaffWishView } from '@core/contracts/wishes'
import { prefix } from './prefix'

export const STATE_LABEL: Record<StaffWishView['state'], string> = {
  pending: '待审核',
  published: '已公开',
  scheduled: '已转课程',
  merged: '已合并',
  closed: '已关闭',
}

export interface WishRowProps {
  wish: StaffWishView
  onPublish: () => void
  onClose: () => void
  onMerge: () => void
  onCourse: () => void
}

function Outcome({ wish }: { wish: StaffWishView }) {
  if (wish.state === 'merged')
    return <Text className={`${prefix}__note`}>已合并到「{wish.mergedInto?.title ?? ''}」</Text>
  if (wish.state === 'closed') return <Text className={`${prefix}__note`}>关闭原因：{wish.closeReason}</Text>
  if (wish.state !== 'scheduled') return null
  if (!wish.course)
    return (
      <Text className={`${prefix}__note ${prefix}__note--warn`}>课程未建成：保存时中断，10 分钟后可重新转为课程</Text>
    )
  return (
    <Text className={`${prefix}__note`}>
      课程「{wish.course.title}」{formatDateTime(wish.course.enrollOpensAt)} 开放报名 ·{' '}
      {wish.votersNotifiedAt ? '已通知投票职工' : '开放报名后通知投票职工'}
    </Text>
  )
}

/** One wish for staff: votes, who wants it by industry, and what may be done with it now. */
export function WishRow({ wish, onPublish, onClose, onMerge, onCourse }: WishRowProps) {
  const open = wish.state === 'pending' || wish.state === 'published'
  return (
    <View className={`${prefix}__item`}>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__title`}>{wish.title}</Text>
        <Text className={`${prefix}__state ${prefix}__state--${wish.state}`}>{STATE_LABEL[wish.state]}</Text>
      </View>
      <Text className={`${prefix}__meta`}>
        {wish.category} · <Text className={`${prefix}__votes`}>{wish.votes}</Text> 票
      </Text>
      {wish.detail ? <Text className={`${prefix}__detail`}>{wish.detail}</Text> : null}
      {wish.industries.length ? (
        <View className={`${prefix}__industries`} ariaLabel="投票职工的行业">
          {wish.industries.map((i) => (
            <Text key={i.industry} className={`${prefix}__industry`}>
              {i.industry} {i.voters}
            </Text>
          ))}
        </View>
      ) : null}
      <Outcome wish={wish} />
      {open || (wish.state === 'scheduled' && !wish.course) ? (
        <View className={`${prefix}__actions`}>
          {wish.state === 'pending' ? (
            <Button type="primary" onClick={onPublish}>
              公开
            </Button>
          ) : null}
          {wish.state !== 'merged' && wish.state !== 'closed' ? (
            <Button type="primary" fill="outline" onClick={onCourse}>
              转为课程草稿
            </Button>
          ) : null}
          {open ? (
            <Button fill="outline" onClick={onMerge}>
              合并到…
            </Button>
          ) : null}
          {open ? (
            <Button fill="outline" onClick={onClose}>
              关闭
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
