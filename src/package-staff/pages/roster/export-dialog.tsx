import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { StaffDialog } from '../../components/staff-dialog'
import { prefix } from './prefix'

export interface ExportDialogProps {
  visible: boolean
  /** How many people the roster holds, for the warning. */
  count: number | string
  busy: boolean
  onExport: (fullPhones: boolean) => void
  onClose: () => void
}

const CHOICES = [
  { full: false, title: '手机号打码', note: '如 138****8000，适合转交和打印' },
  { full: true, title: '完整手机号', note: '用于逐一电话联系' },
] as const

/**
 * 导出名单 asks first: masked numbers unless staff pick full ones, and then the dialog says plainly that
 * the file will hold every listed worker's full phone number (the outcomes workbooks mask them too).
 */
export function ExportDialog({ visible, count, busy, onExport, onClose }: ExportDialogProps) {
  const [full, setFull] = useState(false)
  useEffect(() => {
    if (visible) setFull(false)
  }, [visible])
  return (
    <StaffDialog
      visible={visible}
      title="导出名单"
      confirmText={full ? '导出完整号码' : '导出'}
      cancelText="取消"
      danger={full}
      loading={busy}
      onCancel={onClose}
      onConfirm={() => onExport(full)}
    >
      <View className={`${prefix}__choices`} ariaRole="radiogroup">
        {CHOICES.map((c) => (
          <View
            key={c.title}
            className={`${prefix}__choice ${full === c.full ? `${prefix}__choice--on` : ''}`.trim()}
            ariaRole="radio"
            aria-checked={full === c.full}
            ariaLabel={c.title}
            onClick={() => setFull(c.full)}
          >
            <Text className={`${prefix}__choice-title`}>{c.title}</Text>
            <Text className={`${prefix}__choice-note`}>{c.note}</Text>
          </View>
        ))}
      </View>
      {full ? (
        <Text className={`${prefix}__warning`}>
          文件将包含 {count} 位职工的完整手机号。请妥善保管，不要转发到群聊，用完及时删除。
        </Text>
      ) : null}
    </StaffDialog>
  )
}
