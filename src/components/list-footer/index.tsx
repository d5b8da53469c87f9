import { Text, View } from '@tarojs/components'
import './index.scss'

/** The paging state every paged list hook returns. */
export interface ListPager {
  loadingMore: boolean
  /** The last "load more" failed: the footer offers to try again. */
  moreError: { message: string } | null
  hasMore: boolean
  loadMore: () => unknown
}

export interface ListFooterProps {
  pager: ListPager
  /** Said once everything is shown; nothing is shown when empty. */
  doneText?: string
  className?: string
}

const defaults = { doneText: '', className: '' } as const

const prefix = 'xz-list-footer'

/** The end of a paged list: loading, retry after a failure, 加载更多, or "all shown". */
export function ListFooter(props: ListFooterProps) {
  const { pager, doneText, className } = { ...defaults, ...props }
  const { loadingMore, moreError, hasMore } = pager
  const onLoadMore = () => void pager.loadMore()
  return (
    <View className={`${prefix} ${className}`.trim()}>
      {loadingMore ? (
        <Text className={`${prefix}__text`}>正在加载…</Text>
      ) : moreError ? (
        <View className={`${prefix}__more`} ariaRole="button" onClick={onLoadMore}>
          {moreError.message}，点此重试
        </View>
      ) : hasMore ? (
        <View className={`${prefix}__more`} ariaRole="button" onClick={onLoadMore}>
          加载更多
        </View>
      ) : doneText ? (
        <Text className={`${prefix}__text`}>{doneText}</Text>
      ) : null}
    </View>
  )
}

export default ListFooter
