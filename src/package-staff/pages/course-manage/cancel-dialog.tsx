import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import type { CourseDetail } from '@core'
import { toast } from '@/utils/feedback'
import { StaffDialog } from '../../components/staff-dialog'
import type { useAdminCourse } from '../../hooks/use-admin-course'
import { COURSE_LIMITS } from '../../lib/course-form'
import { prefix } from './prefix'

const REASON = COURSE_LIMITS.cancelReason

export const CANCEL_WARNING = '取消后将通知所有已报名和候补的职工，且不可恢复'

/** "将通知 35 位已报名和候补的职工": everyone holding a seat, an offer or a waitlist place is told. */
export function cancelNotice(course: Pick<CourseDetail, 'seatsTaken' | 'waitlistLength'>): string {
  const n = course.seatsTaken + course.waitlistLength
  return n > 0 ? `将通知 ${n} 位已报名和候补的职工` : '目前没有已报名或候补的职工'
}

export interface CancelDialogProps {
  course: CourseDetail
  admin: ReturnType<typeof useAdminCourse>
  visible: boolean
  onClose: () => void
}

/**
 * 取消课程: one dialog that says who will be told and asks for the reason they are told; its red button
 * cancels. No second question on top of it: the dialog already is the confirmation.
 */
export function CancelDialog({ course, admin, visible, onClose }: CancelDialogProps) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const length = Array.from(reason.trim()).length
  const reasonOk = length >= REASON.min && length <= REASON.max

  useEffect(() => {
    if (!visible) return
    setReason('')
    setError('')
  }, [visible])

  const submit = async () => {
    if (!reasonOk) {
      setError(`请填写取消原因（${REASON.min}–${REASON.max} 个字）`)
      return
    }
    const reply = await admin.cancel(reason.trim())
    if (!reply.ok) {
      setError(reply.error.message)
      return
    }
    onClose()
    toast(`课程已取消，已通知 ${reply.data.notified} 人`)
  }

  return (
    <StaffDialog
      visible={visible}
      title="取消课程"
      confirmText="确认取消课程"
      cancelText="再想想"
      danger
      confirmDisabled={!reasonOk}
      loading={admin.busy === 'cancel'}
      onCancel={onClose}
      onConfirm={() => void submit()}
    >
      <View className={`${prefix}__dialog`}>
        <Text className={`${prefix}__dialog-notice`}>{cancelNotice(course)}</Text>
        <Text className={`${prefix}__dialog-hint`}>取消原因会随通知发出；取消后不可恢复，名单仍可查看。</Text>
        <Textarea
          className={`${prefix}__reason`}
          value={reason}
          maxlength={REASON.max}
          placeholder="如：讲师临时生病，课程改期另行通知"
          ariaLabel="取消原因"
          onInput={(e) => {
            setReason(e.detail.value)
            setError('')
          }}
        />
        <Text className={`${prefix}__reason-count`}>
          {length}/{REASON.max}
        </Text>
        {error ? <Text className={`${prefix}__dialog-error`}>{error}</Text> : null}
      </View>
    </StaffDialog>
  )
}
