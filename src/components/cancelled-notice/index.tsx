import { Text, View } from '@tarojs/components'
import type { EnrollmentView } from '@core'
import './index.scss'

export interface CancelledNoticeProps {
  enrollment: Pick<EnrollmentView, 'courseId' | 'cancelReason'> & { course: Pick<EnrollmentView['course'], 'title'> }
  /** 知道了: the worker has seen it; the card goes away once the server has recorded that. */
  onAck: (courseId: string) => void
  busy?: boolean
}

const prefix = 'xz-cancelled-notice'

/** A course the union cancelled, kept at the top of 我的 in red until the worker says they have seen it. */
export function CancelledNotice({ enrollment, onAck, busy = false }: CancelledNoticeProps) {
  return (
    <View className={prefix} ariaRole="alert">
      <Text className={`${prefix}__title`}>工会已取消：{enrollment.course.title}</Text>
      <Text className={`${prefix}__reason`}>原因：{enrollment.cancelReason || '工会未说明原因'}</Text>
      <Text className={`${prefix}__hint`}>您的名额已自动释放，不计入报名数量，也不算缺席。</Text>
      <View
        className={`${prefix}__ack ${busy ? `${prefix}__ack--busy` : ''}`.trim()}
        ariaRole="button"
        onClick={() => !busy && onAck(enrollment.courseId)}
      >
        {busy ? '正在确认…' : '知道了'}
      </View>
    </View>
  )
}

export default CancelledNotice
