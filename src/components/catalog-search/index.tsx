import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { CATALOG_SEARCH_MAX } from '@core'
import './index.scss'

export interface CatalogSearchProps {
  /** The search the list shows now ('' for none). */
  value: string
  onSearch: (text: string) => void
  /** 只看可报名: only courses with a seat to take now. */
  openOnly: boolean
  onToggleOpenOnly: () => void
  className?: string
}

const defaults = { className: '' } as const

const prefix = 'xz-catalog-search'

/**
 * Search by course, teacher or place, with a 搜索 button beside the box (not every worker knows the
 * keyboard's search key) and a 只看可报名 switch below it.
 */
export function CatalogSearch(props: CatalogSearchProps) {
  const { value, onSearch, openOnly, onToggleOpenOnly, className } = { ...defaults, ...props }
  const [text, setText] = useState(value)
  // Cleared from outside (查看全部课程): the box follows.
  useEffect(() => setText(value), [value])
  const submit = (t = text) => onSearch(t.trim())
  return (
    <View className={`${prefix} ${className}`.trim()}>
      <View className={`${prefix}__bar`}>
        <Input
          className={`${prefix}__input`}
          type="text"
          confirmType="search"
          value={text}
          maxlength={CATALOG_SEARCH_MAX}
          placeholder="搜索课程、讲师或地点"
          ariaLabel="搜索课程、讲师或地点"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={(e) => submit(e.detail.value)}
        />
        {text ? (
          <View
            className={`${prefix}__clear`}
            ariaRole="button"
            ariaLabel="清除搜索"
            onClick={() => {
              setText('')
              submit('')
            }}
          >
            ×
          </View>
        ) : null}
        <View className={`${prefix}__go`} ariaRole="button" onClick={() => submit()}>
          搜索
        </View>
      </View>
      <View
        className={`${prefix}__open ${openOnly ? `${prefix}__open--on` : ''}`.trim()}
        ariaRole="switch"
        ariaLabel={openOnly ? '只看可报名，已打开' : '只看可报名'}
        onClick={onToggleOpenOnly}
      >
        <Text className={`${prefix}__box`}>{openOnly ? '✓' : ''}</Text>
        <Text>只看可报名</Text>
      </View>
    </View>
  )
}

export default CatalogSearch
