import type { ReactNode } from 'react'
import { Input, Text, View } from '@tarojs/components'
import './index.scss'

export interface FormFieldProps {
  label: string
  value: string
  onChange?: (value: string) => void
  placeholder?: string
  type?: 'text' | 'number'
  maxlength?: number
  optional?: boolean
  /** Shown under the input in red; also marks the field so the eye finds it. */
  error?: string
  hint?: string
  /** Extra control to the right of the input, e.g. WeChat's "use my phone number" button. */
  extra?: ReactNode
  name?: string
  className?: string
}

const defaults = {
  placeholder: '',
  type: 'text',
  maxlength: 140,
  optional: false,
  error: '',
  hint: '',
  name: '',
  className: '',
} as const

const prefix = 'xz-form-field'

export function FormField(props: FormFieldProps) {
  const { label, value, onChange, placeholder, type, maxlength, optional, error, hint, extra, name, className } = {
    ...defaults,
    ...props,
  }
  return (
    <View className={`${prefix} ${error ? `${prefix}--error` : ''} ${className}`.replace(/\s+/g, ' ').trim()}>
      <View className={`${prefix}__row`}>
        <View className={`${prefix}__label`}>
          <Text>{label}</Text>
          {optional ? <Text className={`${prefix}__optional`}>选填</Text> : null}
        </View>
        <Input
          className={`${prefix}__input`}
          name={name || undefined}
          value={value}
          type={type}
          maxlength={maxlength}
          placeholder={placeholder}
          placeholderClass={`${prefix}__placeholder`}
          onInput={(e) => onChange?.(e.detail.value)}
          ariaLabel={label}
        />
        {extra}
      </View>
      {error ? (
        <Text className={`${prefix}__error`}>{error}</Text>
      ) : hint ? (
        <Text className={`${prefix}__hint`}>{hint}</Text>
      ) : null}
    </View>
  )
}

export default FormField
