import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { CATEGORIES, type AppError } from '@core'
import { WISH_LIMITS } from '@core/contracts/wishes'
import { FormField } from '@/components/form-field'
import { SaveButton } from '@/components/save-button'
import { prefix } from './prefix'

export interface ProposeFormProps {
  onSubmit: (form: { title: string; detail: string; category: string }) => Promise<AppError | null>
  onDone: () => void
  onCancel: () => void
}

const count = (s: string) => Array.from(s.trim()).length

/** 我要点课: the topic, its category, and a few words on what to learn; checked here as the server will. */
export function ProposeForm({ onSubmit, onDone, onCancel }: ProposeFormProps) {
  const [title, setTitle] = useState('')
  const [category, setCategory] = useState('')
  const [detail, setDetail] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    const found: Record<string, string> = {}
    const { min, max } = WISH_LIMITS.title
    if (count(title) < min || count(title) > max) found.title = `请用 ${min}–${max} 个字写下想学的课程`
    if (!category) found.category = '请选择课程类别'
    if (count(detail) > WISH_LIMITS.detail) found.detail = `补充说明最多 ${WISH_LIMITS.detail} 个字`
    setErrors(found)
    if (Object.keys(found).length) return
    setSaving(true)
    const refused = await onSubmit({ title: title.trim(), detail: detail.trim(), category })
    setSaving(false)
    if (!refused) return onDone()
    setErrors({ [refused.field ?? 'form']: refused.message })
  }

  return (
    <View className={`${prefix}__form`}>
      <Text className={`${prefix}__form-title`}>我要点课</Text>
      <FormField
        label="想学什么"
        value={title}
        onChange={setTitle}
        maxlength={WISH_LIMITS.title.max}
        placeholder="例如：用 AI 写工作总结"
        error={errors.title}
      />
      <Text className={`${prefix}__label`}>课程类别</Text>
      <View className={`${prefix}__chips`} ariaRole="radiogroup" ariaLabel="课程类别">
        {CATEGORIES.map((c) => (
          <View
            key={c}
            className={`${prefix}__chip ${category === c ? `${prefix}__chip--active` : ''}`.trim()}
            ariaRole="radio"
            aria-checked={category === c}
            onClick={() => setCategory(c)}
          >
            {c}
          </View>
        ))}
      </View>
      {errors.category ? <Text className={`${prefix}__error`}>{errors.category}</Text> : null}
      <Textarea
        className={`${prefix}__detail`}
        value={detail}
        maxlength={WISH_LIMITS.detail}
        placeholder="想学到什么程度、什么时间方便（选填，200 字以内）"
        onInput={(e) => setDetail(e.detail.value)}
      />
      {errors.detail || errors.form ? <Text className={`${prefix}__error`}>{errors.detail || errors.form}</Text> : null}
      <Text className={`${prefix}__note`}>提交后由工会工作人员审核，通过后所有职工都能看到并投票。</Text>
      <SaveButton saving={saving} onSave={() => void submit()}>
        提交点课
      </SaveButton>
      <View className={`${prefix}__cancel`} ariaRole="button" onClick={onCancel}>
        先不提了
      </View>
    </View>
  )
}
