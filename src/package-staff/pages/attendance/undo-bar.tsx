import { Text, View } from '@tarojs/components'
import type { useUndoMark } from '../../hooks/use-undo-mark'
import { prefix } from './prefix'

/** The snackbar at the bottom: "已补签 张三 · 撤销", then what the undo did. */
export function UndoBar({ undo }: { undo: ReturnType<typeof useUndoMark> }) {
  if (!undo.last && !undo.message) return null
  return (
    <View className={`${prefix}__snackbar`} ariaRole="status">
      {undo.last ? (
        <>
          <Text className={`${prefix}__snackbar-text`}>已补签 {undo.last.name}</Text>
          <View
            className={`${prefix}__snackbar-action`}
            ariaRole="button"
            ariaLabel="撤销"
            onClick={() => void undo.takeBack()}
          >
            {undo.busy ? '撤销中…' : '撤销'}
          </View>
        </>
      ) : (
        <Text className={`${prefix}__snackbar-text`}>{undo.message}</Text>
      )}
    </View>
  )
}
