import { Input, View } from '@tarojs/components'
import { prefix } from './prefix'

/** Name search as staff type it: spaces ignored, so "张 伟" finds 张伟. */
export const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase()

export function RosterSearch({ query, onChange }: { query: string; onChange: (q: string) => void }) {
  return (
    <View className={`${prefix}__search`}>
      <Input
        className={`${prefix}__search-input`}
        value={query}
        placeholder="搜索姓名"
        ariaLabel="搜索姓名"
        onInput={(e) => onChange(e.detail.value)}
      />
      {query ? (
        <View className={`${prefix}__search-clear`} ariaRole="button" onClick={() => onChange('')}>
          清除
        </View>
      ) : null}
    </View>
  )
}
