import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EVALUATION_LIMITS, formatDateTime, type MyEvaluation } from '@core'
import { StateView } from '@/components/state-view'
import { alert, toast } from '@/utils/feedback'
import { StarRating } from '../../components/star-rating'
import { useEvaluation } from '../../hooks/use-evaluation'
import './index.scss'

const prefix = 'xz-evaluate'

const BLOCKED: Record<string, string> = {
  not_attended: '您还没有上过这门课，上课签到后才能评价',
  not_finished: '课程全部结束后就可以评价了',
}

function Form({
  state,
  saving,
  onSubmit,
}: {
  state: MyEvaluation
  saving: boolean
  onSubmit: (r: number, c: string) => void
}) {
  const [rating, setRating] = useState(state.evaluation?.rating ?? 0)
  const [comment, setComment] = useState(state.evaluation?.comment ?? '')
  useEffect(() => {
    setRating(state.evaluation?.rating ?? 0)
    setComment(state.evaluation?.comment ?? '')
  }, [state.evaluation])
  const locked = !!state.evaluation && !state.editable
  return (
    <View className={`${prefix}__form`}>
      <Text className={`${prefix}__question`}>这门课对您有帮助吗？</Text>
      <StarRating value={rating} onChange={locked ? undefined : setRating} />
      <Textarea
        className={`${prefix}__comment`}
        value={comment}
        disabled={locked}
        maxlength={EVALUATION_LIMITS.comment}
        placeholder="说说收获或建议（选填，200 字以内）"
        onInput={(e) => setComment(e.detail.value)}
      />
      <Text className={`${prefix}__count`}>
        {Array.from(comment).length} / {EVALUATION_LIMITS.comment}
      </Text>
      {state.evaluation ? (
        <Text className={`${prefix}__note`}>
          {state.editable
            ? `已评价，${formatDateTime(state.evaluation.editableUntil)} 前可以修改`
            : '评价已超过 7 天，不能再修改，感谢您的反馈'}
        </Text>
      ) : null}
      {!locked ? (
        <Button
          type="primary"
          size="large"
          block
          loading={saving}
          disabled={rating < 1}
          onClick={() => onSubmit(rating, comment)}
        >
          {state.evaluation ? '保存修改' : '提交评价'}
        </Button>
      ) : null}
    </View>
  )
}

export default function EvaluatePage() {
  const { params } = useRouter()
  const ev = useEvaluation(params.id || undefined)
  const submit = async (rating: number, comment: string) => {
    const refusal = await ev.submit(rating, comment)
    if (refusal) await alert(refusal.message)
    else toast('感谢您的评价', 'success')
  }
  return (
    <View className={prefix}>
      {ev.status === 'loading' ? <StateView status="loading" skeletonCount={1} /> : null}
      {ev.status === 'error' ? (
        <StateView status="error" title={ev.error?.message ?? '加载失败'} onAction={() => void ev.reload()} />
      ) : null}
      {ev.status === 'ready' && ev.state ? (
        <>
          <Text className={`${prefix}__title`}>{ev.state.courseTitle}</Text>
          {ev.state.block ? (
            <StateView
              status="empty"
              title={BLOCKED[ev.state.block]}
              actionText="返回"
              onAction={() => void Taro.navigateBack()}
            />
          ) : (
            <Form state={ev.state} saving={ev.saving} onSubmit={(r, c) => void submit(r, c)} />
          )}
        </>
      ) : null}
    </View>
  )
}
