import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { StateView } from '@/components/state-view'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { alert, toast } from '@/utils/feedback'
import { WishCard } from '../../components/wish-card'
import { useWishes } from '../../hooks/use-wishes'
import { ProposeForm } from './propose-form'
import { prefix } from './prefix'
import './index.scss'

/**
 * 职工点课: the courses workers ask for, most wanted first. One vote per wish; a new topic goes to staff
 * first (审核中) and appears here once they publish it.
 */
export default function WishesPage() {
  const list = useWishes()
  const [proposing, setProposing] = useState(false)
  usePullRefresh(list.reload)

  const vote = async (id: string) => {
    const refused = await list.vote(id)
    if (!refused) toast('已投票，开课时会通知您', 'success')
    else if (refused.code !== 'WISH.ALREADY_VOTED') void alert(refused.message)
  }

  return (
    <View className={prefix}>
      <Text className={`${prefix}__intro`}>
        想学什么课？为想学的课投一票，票数多的课程工会优先安排；开课报名时会通知投过票的职工。
      </Text>
      {proposing ? (
        <ProposeForm
          onSubmit={list.propose}
          onCancel={() => setProposing(false)}
          onDone={() => {
            setProposing(false)
            toast('已提交，等待工作人员审核', 'success')
          }}
        />
      ) : (
        <Button className={`${prefix}__propose`} type="primary" size="large" block onClick={() => setProposing(true)}>
          我要点课
        </Button>
      )}
      {list.mine.length ? (
        <View className={`${prefix}__section`}>
          <Text className={`${prefix}__heading`}>我提的点课</Text>
          {list.mine.map((w) => (
            <WishCard key={w.id} wish={w} />
          ))}
        </View>
      ) : null}
      <Text className={`${prefix}__heading`}>大家想学（按票数）</Text>
      {list.status === 'loading' ? <StateView status="loading" skeletonCount={3} /> : null}
      {list.status === 'error' ? (
        <StateView status="error" title={list.error?.message ?? '加载失败'} onAction={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.wishes.length === 0 ? (
        <StateView status="empty" title="还没有公开的点课" description="点上方「我要点课」，说说您想学的课程" />
      ) : null}
      {list.wishes.map((w) => (
        <WishCard key={w.id} wish={w} busy={list.voting === w.id} onVote={() => void vote(w.id)} />
      ))}
      {list.hasMore ? (
        <Button
          className={`${prefix}__more`}
          size="large"
          block
          loading={list.more}
          onClick={() => void list.loadMore()}
        >
          查看更多
        </Button>
      ) : null}
    </View>
  )
}
