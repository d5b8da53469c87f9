import type { ReactNode } from 'react'
import { View } from '@tarojs/components'

export interface LinkAreaProps {
  /** The block's class; `<className>--pressed` is added while a finger is on it. */
  className: string
  /** For screen readers, where the text inside does not name the destination by itself. */
  label?: string
  onOpen: () => void
  children: ReactNode
}

/** An area that opens another page when tapped: announced as a link, shown pressed while touched. */
export function LinkArea({ className, label, onOpen, children }: LinkAreaProps) {
  return (
    <View className={className} hoverClass={`${className}--pressed`} ariaRole="link" ariaLabel={label} onClick={onOpen}>
      {children}
    </View>
  )
}

export default LinkArea
