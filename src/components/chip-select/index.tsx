import { Text, View } from '@tarojs/components'
import './index.scss'

export interface ChipSelectProps {
  options: readonly string[]
  /** The options chosen; the caller decides whether one or several may be. */
  selected: readonly string[]
  onToggle: (option: string) => void
  className?: string
}

const defaults = { className: '' } as const

const prefix = 'xz-chip-select'

/**
 * Every option in view as a large chip, wrapping onto as many rows as it needs: easier for older workers
 * than a wheel picker, and several can be chosen at once. A tap on a chosen chip un-chooses it.
 */
export function ChipSelect(props: ChipSelectProps) {
  const { options, selected, onToggle, className } = { ...defaults, ...props }
  return (
    <View className={`${prefix} ${className}`.trim()}>
      {options.map((option) => {
        const on = selected.includes(option)
        return (
          <View
            key={option}
            className={`${prefix}__chip ${on ? `${prefix}__chip--on` : ''}`.trim()}
            ariaRole="checkbox"
            ariaLabel={on ? `${option}，已选` : option}
            onClick={() => onToggle(option)}
          >
            {on ? <Text className={`${prefix}__check`}>✓</Text> : null}
            <Text>{option}</Text>
          </View>
        )
      })}
    </View>
  )
}

export default ChipSelect
