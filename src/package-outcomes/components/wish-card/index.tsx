import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { WishView } from '@core/contracts/wishes'
import './index.scss'

export interface WishCardProps {
  wish: WishView
  /** The vote for this wish is on its way. */
  busy?: boolean
  /** Absent: no vote button (the worker's own proposals waiting for staff). */
  onVote?: () => void
  className?: string
}

const defaults = { busy: false, className: '' } as const
const prefix = 'xz-wish'

function StateTag({ wish }: { wish: WishView }) {
  if (wish.state === 'pending') return <Text className={`${prefix}__tag ${prefix}__tag--pending`}>审核中</Text>
  if (wish.state === 'closed') return <Text className={`${prefix}__tag ${prefix}__tag--closed`}>未采纳</Text>
  if (wish.mine) return <Text className={`${prefix}__tag ${prefix}__tag--mine`}>我提的</Text>
  return null
}

/** One course wish: what was asked for, how many want it, and the worker's one vote. */
export function WishCard(props: WishCardProps) {
  const { wish, busy, onVote, className } = { ...defaults, ...props }
  const open = wish.state === 'published'
  return (
    <View className={`${prefix} ${className}`.trim()}>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__category`}>{wish.category}</Text>
        <StateTag wish={wish} />
      </View>
      <Text className={`${prefix}__title`}>{wish.title}</Text>
      {wish.detail ? <Text className={`${prefix}__detail`}>{wish.detail}</Text> : null}
      {wish.state === 'closed' && wish.closeReason ? (
        <Text className={`${prefix}__reason`}>工作人员回复：{wish.closeReason}</Text>
      ) : null}
      {wish.state === 'pending' ? (
        <Text className={`${prefix}__reason`}>工作人员审核通过后，大家就能看到并投票</Text>
      ) : null}
      {open ? (
        <View className={`${prefix}__foot`}>
          <Text className={`${prefix}__votes`}>
            <Text className={`${prefix}__count`}>{wish.votes}</Text> 人想学
          </Text>
          {wish.votedByMe ? (
            // Not a button: there is nothing more to do, and it must not look like there is.
            <Text className={`${prefix}__voted`}>✓ 已投票</Text>
          ) : onVote ? (
            <Button
              className={`${prefix}__vote`}
              type="primary"
              size="large"
              loading={busy}
              disabled={busy}
              onClick={() => onVote()}
            >
              我也想学
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

export default WishCard
