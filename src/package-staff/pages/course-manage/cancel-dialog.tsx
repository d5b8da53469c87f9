import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { confirm, toast } from '@/utils/feedback'
import { StaffDialog } from '../../components/staff-dialog'
import type { useAdminCourse } from '../../hooks/use-admin-course'
import { COURSE_LIMITS } from '../../lib/course-form'
import { prefix } from './prefix'

const REASON = COURSE_LIMITS.cancelReason

export const CANCEL_WARNING = '取消后将通知所有已报名和候补的职工，且不可恢复'

export interface CancelDialogProps {
  admin: ReturnType<typeof useAdminCourse>
  visible: boolean
  onClose: () => void
}

/** 取消课程: a reason every enrolled and waiting worker is told, then one final question. */
export function CancelDialog({ admin, visible, onClose }: CancelDialogProps) {
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
    // The reason dialog stays open behind the final question, so backing out keeps what was typed.
    // "取消" on the final question would be ambiguous here: it could read as "cancel the course".
    if (!(await confirm('确认取消课程？', CANCEL_WARNING, '确认取消', '再想想'))) return
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
      confirmText="下一步"
      cancelText="返回"
      danger
      confirmDisabled={!reasonOk}
      loading={admin.busy === 'cancel'}
      onCancel={onClose}
      onConfirm={() => void submit()}
    >
      <View className={`${prefix}__dialog`}>
        <Text className={`${prefix}__dialog-hint`}>取消原因会发送给已报名和候补的职工</Text>
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
