import { Picker, Text, View } from '@tarojs/components'
import './index.scss'

export interface StaffPickerFieldProps {
  label: string
  mode: 'selector' | 'date' | 'time'
  /** The chosen value as text: an option, 'YYYY-MM-DD' or 'HH:mm'; empty while nothing is chosen. */
  value: string
  options?: readonly string[]
  placeholder?: string
  error?: string
  /** 'row': label left, value right, like a form cell; 'box': a bordered value only, for tight rows. */
  layout?: 'row' | 'box'
  onChange?: (value: string) => void
  className?: string
}

const defaults = {
  options: [] as readonly string[],
  placeholder: '请选择',
  error: '',
  layout: 'row',
  className: '',
} as const

const prefix = 'xz-staff-picker'

/** The platform's own wheel picker behind a field that looks like the app's text inputs. */
export function StaffPickerField(props: StaffPickerFieldProps) {
  const { label, mode, value, options, placeholder, error, layout, onChange, className } = { ...defaults, ...props }
  const display = (
    <View className={`${prefix}__value ${value ? '' : `${prefix}__value--empty`}`.trim()}>
      <Text>{value || placeholder}</Text>
      <Text className={`${prefix}__arrow`}>›</Text>
    </View>
  )
  const common = { className: `${prefix}__picker`, ariaLabel: label }
  const picker =
    mode === 'selector' ? (
      <Picker
        {...common}
        mode="selector"
        range={options as string[]}
        value={Math.max(0, options.indexOf(value))}
        onChange={(e) => onChange?.(options[Number(e.detail.value)] ?? '')}
      >
        {display}
      </Picker>
    ) : mode === 'date' ? (
      <Picker {...common} mode="date" value={value} onChange={(e) => onChange?.(String(e.detail.value))}>
        {display}
      </Picker>
    ) : (
      <Picker {...common} mode="time" value={value || '19:00'} onChange={(e) => onChange?.(String(e.detail.value))}>
        {display}
      </Picker>
    )
  const rootClass = `${prefix} ${prefix}--${layout} ${error ? `${prefix}--error` : ''} ${className}`
    .replace(/\s+/g, ' ')
    .trim()
  if (layout === 'box') {
    return <View className={rootClass}>{picker}</View>
  }
  return (
    <View className={rootClass}>
      <View className={`${prefix}__row`}>
        <Text className={`${prefix}__label`}>{label}</Text>
        {picker}
      </View>
      {error ? <Text className={`${prefix}__error`}>{error}</Text> : null}
    </View>
  )
}

export default StaffPickerField
