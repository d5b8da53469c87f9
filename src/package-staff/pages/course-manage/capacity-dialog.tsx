import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ERROR_MESSAGES, type CourseDetail } from '@core'
import { toast } from '@/utils/feedback'
import { StaffDialog } from '../../components/staff-dialog'
import type { useAdminCourse } from '../../hooks/use-admin-course'
import { COURSE_LIMITS } from '../../lib/course-form'
import { prefix } from './prefix'

export interface CapacityDialogProps {
  course: CourseDetail
  admin: ReturnType<typeof useAdminCourse>
  visible: boolean
  onClose: () => void
}

function parseCapacity(text: string): number | null {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return null
  const n = Number(t)
  return n >= COURSE_LIMITS.capacity.min && n <= COURSE_LIMITS.capacity.max ? n : null
}

/** 调整名额: the new number, what it changes, and the server's refusal when seats taken exceed it. */
export function CapacityDialog({ course, admin, visible, onClose }: CapacityDialogProps) {
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const next = parseCapacity(text)

  useEffect(() => {
    if (!visible) return
    setText(String(course.capacity))
    setError('')
    // Only on opening: the course may refresh underneath while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible])

  const submit = async () => {
    if (next === null) {
      setError(`请输入 ${COURSE_LIMITS.capacity.min}–${COURSE_LIMITS.capacity.max} 之间的整数`)
      return
    }
    if (next === course.capacity) return onClose()
    const reply = await admin.changeCapacity(next)
    if (!reply.ok) {
      // The refusal usually means the numbers on screen are stale; show the current ones.
      void admin.refresh()
      // The server usually names the number itself; add it only to the generic wording.
      setError(
        reply.error.message === ERROR_MESSAGES['ADMIN.CAPACITY_BELOW_TAKEN']
          ? `${reply.error.message}（当前已占 ${course.seatsTaken} 个名额，含待确认）`
          : reply.error.message,
      )
      return
    }
    onClose()
    const { capacity, offered } = reply.data
    toast(offered > 0 ? `名额已调整为 ${capacity}，已通知 ${offered} 位候补` : `名额已调整为 ${capacity}`, 'none')
  }

  return (
    <StaffDialog
      visible={visible}
      title="调整名额"
      confirmText="确认调整"
      loading={admin.busy === 'capacity'}
      onCancel={onClose}
      onConfirm={() => void submit()}
    >
      <View className={`${prefix}__dialog`}>
        <View className={`${prefix}__input-box ${error ? `${prefix}__input-box--error` : ''}`.trim()}>
          <Input
            className={`${prefix}__input`}
            type="number"
            value={text}
            maxlength={3}
            focus
            ariaLabel="新名额"
            onInput={(e) => {
              setText(e.detail.value)
              setError('')
            }}
          />
          <Text className={`${prefix}__input-unit`}>个</Text>
        </View>
        <CapacityNote course={course} next={next} error={error} />
      </View>
    </StaffDialog>
  )
}

function CapacityNote({ course, next, error }: { course: CourseDetail; next: number | null; error: string }) {
  const raising = next !== null && next > course.capacity
  return (
    <>
      {error ? (
        <Text className={`${prefix}__dialog-error`}>{error}</Text>
      ) : next !== null && next !== course.capacity ? (
        <Text className={`${prefix}__dialog-change`}>
          名额由 {course.capacity} 调整为 {next}
        </Text>
      ) : (
        <Text className={`${prefix}__dialog-hint`}>当前已占 {course.seatsTaken} 个名额，新名额不能少于该数</Text>
      )}
      {raising && course.waitlistLength > 0 ? (
        <Text className={`${prefix}__dialog-note`}>
          将按顺序向候补人员发出递补通知（当前候补 {course.waitlistLength} 人）
        </Text>
      ) : null}
    </>
  )
}
