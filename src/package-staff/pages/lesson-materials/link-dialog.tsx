import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { Reply } from '@core'
import { MATERIAL_LIMITS } from '@core/contracts/materials'
import { StaffDialog } from '../../components/staff-dialog'
import { prefix } from './prefix'

export interface LinkDialogProps {
  visible: boolean
  onClose: () => void
  onSubmit: (title: string, url: string) => Promise<Reply<unknown>>
}

/** 添加链接: a name and an https address; the server's refusal is shown under the fields. */
export function LinkDialog({ visible, onClose, onSubmit }: LinkDialogProps) {
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('https://')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!visible) return
    setTitle('')
    setUrl('https://')
    setError('')
  }, [visible])

  const submit = async () => {
    if (!title.trim()) return setError('请填写资料名称')
    setBusy(true)
    const reply = await onSubmit(title, url)
    setBusy(false)
    if (reply.ok) onClose()
    else setError(reply.error.message)
  }

  return (
    <StaffDialog
      visible={visible}
      title="添加链接"
      confirmText="添加"
      loading={busy}
      onCancel={onClose}
      onConfirm={() => void submit()}
    >
      <View className={`${prefix}__dialog`}>
        <Text className={`${prefix}__field-label`}>名称</Text>
        <View className={`${prefix}__input-box`}>
          <Input
            className={`${prefix}__input`}
            value={title}
            maxlength={MATERIAL_LIMITS.title.max}
            placeholder="如：课程配套网站"
            ariaLabel="链接名称"
            onInput={(e) => setTitle(e.detail.value)}
          />
        </View>
        <Text className={`${prefix}__field-label`}>网址</Text>
        <View className={`${prefix}__input-box ${error ? `${prefix}__input-box--error` : ''}`.trim()}>
          <Input
            className={`${prefix}__input`}
            value={url}
            maxlength={MATERIAL_LIMITS.url}
            ariaLabel="链接网址"
            onInput={(e) => {
              setUrl(e.detail.value)
              setError('')
            }}
          />
        </View>
        <Text className={`${prefix}__dialog-hint`}>职工在微信里点链接会复制网址，需粘贴到浏览器打开。</Text>
        {error ? <Text className={`${prefix}__dialog-error`}>{error}</Text> : null}
      </View>
    </StaffDialog>
  )
}
