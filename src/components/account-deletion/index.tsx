import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { confirm } from '@/utils/feedback'
import { AFTER_DELETION } from '../privacy-notice/policy'
import './index.scss'

export interface AccountDeletionProps {
  /** The deletion request is under way. */
  deleting?: boolean
  /** The server's refusal, shown as it is (e.g. seats still held). */
  error?: string
  /** Called only after the worker confirmed in the dialog. */
  onDelete: () => void
  className?: string
}

const defaults = { deleting: false, error: '', className: '' } as const

const prefix = 'xz-account-deletion'

export const DELETION_DIALOG = {
  title: '注销账号',
  content: `注销后：${AFTER_DELETION}此操作无法撤销。`,
  confirmText: '确认注销',
  cancelText: '再想想',
} as const

/** 注销账号 at the bottom of 我的: says what happens, asks once more, then hands over to the page. */
export function AccountDeletion(props: AccountDeletionProps) {
  const { deleting, error, onDelete, className } = { ...defaults, ...props }

  const ask = async () => {
    const { title, content, confirmText, cancelText } = DELETION_DIALOG
    if (await confirm(title, content, confirmText, cancelText)) onDelete()
  }

  return (
    <View className={`${prefix} ${className}`.trim()}>
      <Text className={`${prefix}__title`}>注销账号</Text>
      <Text className={`${prefix}__note`}>删除您登记的个人信息。报名中、候补或待确认的课程需先取消。</Text>
      {error ? (
        <View className={`${prefix}__error`} ariaRole="alert">
          {error}
        </View>
      ) : null}
      <Button
        className={`${prefix}__button`}
        type="danger"
        fill="outline"
        block
        loading={deleting}
        disabled={deleting}
        onClick={() => void ask()}
      >
        {deleting ? '正在注销…' : '注销账号'}
      </Button>
    </View>
  )
}

export default AccountDeletion
