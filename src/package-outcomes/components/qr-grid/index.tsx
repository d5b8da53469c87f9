import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { qrMatrixAscii } from '../../lib/qr-ascii'
import './index.scss'

export interface QrGridProps {
  text: string
  /** Read by screen readers instead of the pattern. */
  label?: string
  className?: string
}

const defaults = { label: '二维码', className: '' } as const

const prefix = 'xz-qr-grid'

/**
 * A QR code drawn with plain views, row by row: no canvas (whose context differs between the weapp and
 * H5) and no image to upload. A personal check-in code (37 characters) is always a 29 × 29 matrix: with
 * whole design pixels per module (index.scss) no row is a hair wider than the next, which scanners dislike.
 */
export function QrGrid(props: QrGridProps) {
  const { text, label, className } = { ...defaults, ...props }
  const matrix = useMemo(() => qrMatrixAscii(text), [text])
  const rows = Array.from({ length: matrix.size }, (_, y) => y)
  return (
    <View className={`${prefix} ${className}`.trim()} ariaRole="img" ariaLabel={label}>
      {rows.map((y) => (
        <View key={y} className={`${prefix}__row`}>
          {rows.map((x) => (
            <View key={x} className={`${prefix}__cell ${matrix.dark(x, y) ? `${prefix}__cell--dark` : ''}`.trim()} />
          ))}
        </View>
      ))}
    </View>
  )
}
