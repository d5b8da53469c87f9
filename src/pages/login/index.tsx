import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { StateView } from '@/components/state-view'
import { useDevAccounts, useDevIdentity } from '@/hooks/use-dev-accounts'
import { ROUTES } from '@/utils/routes'
import './index.scss'

const prefix = 'xz-login'

// Rendering all 200 demo workers at once makes the first paint slow on a phone; search narrows it.
const VISIBLE_LIMIT = 60

function H5Login() {
  const { accounts, total, status, error, query, setQuery, reload } = useDevAccounts()
  const identity = useDevIdentity()

  const pick = (openid: string) => {
    identity.choose(openid)
    void Taro.switchTab({ url: ROUTES.catalog })
  }

  const shown = accounts.slice(0, VISIBLE_LIMIT)

  return (
    <View className={prefix}>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__title`}>本地体验 · 选择身份</Text>
        <Text className={`${prefix}__desc`}>
          此页面仅在本地演示环境出现：浏览器里没有微信身份，请选一个演示账号进入。正式小程序由微信自动识别身份。
        </Text>
      </View>

      <View className={`${prefix}__search`}>
        <Input
          className={`${prefix}__search-input`}
          value={query}
          placeholder="搜索姓名、单位或 openid"
          placeholderClass={`${prefix}__placeholder`}
          onInput={(e) => setQuery(e.detail.value)}
          ariaLabel="搜索演示账号"
        />
      </View>

      {status === 'loading' ? <StateView status="loading" skeletonCount={3} /> : null}
      {status === 'error' ? (
        <StateView status="error" title={error?.message ?? '加载失败'} onAction={() => void reload()} />
      ) : null}
      {status === 'ready' && accounts.length === 0 ? (
        <StateView status="empty" title="没有匹配的账号" description="换个关键词试试" />
      ) : null}
      {status === 'ready' && accounts.length > 0 ? (
        <View className={`${prefix}__list`}>
          {shown.map((account) => {
            const staff = account.role !== 'worker'
            const current = identity.current === account.openid
            return (
              <View
                key={account.openid}
                className={`${prefix}__item ${current ? `${prefix}__item--current` : ''}`.trim()}
                hoverClass={`${prefix}__item--pressed`}
                onClick={() => pick(account.openid)}
                data-openid={account.openid}
              >
                <View className={`${prefix}__avatar ${staff ? `${prefix}__avatar--staff` : ''}`.trim()}>
                  <Text>{Array.from(account.name)[0] ?? '?'}</Text>
                </View>
                <View className={`${prefix}__item-body`}>
                  <View className={`${prefix}__item-line`}>
                    <Text className={`${prefix}__item-name`}>{account.name}</Text>
                    {staff ? (
                      <Text className={`${prefix}__tag`}>{account.role === 'admin' ? '管理员' : '工作人员'}</Text>
                    ) : null}
                    {current ? <Text className={`${prefix}__tag ${prefix}__tag--current`}>当前</Text> : null}
                  </View>
                  <Text className={`${prefix}__item-sub`}>{account.employer || account.openid}</Text>
                </View>
                <Text className={`${prefix}__arrow`}>›</Text>
              </View>
            )
          })}
        </View>
      ) : null}
      {status === 'ready' && accounts.length > VISIBLE_LIMIT ? (
        <Text className={`${prefix}__more`}>
          共 {total} 个账号，已显示前 {VISIBLE_LIMIT} 个，可搜索查找其他账号
        </Text>
      ) : null}
    </View>
  )
}

/** WeChat knows who the worker is, so the weapp never shows this screen. */
function WeappRedirect() {
  useEffect(() => {
    void Taro.switchTab({ url: ROUTES.catalog })
  }, [])
  return <View className={prefix} />
}

export default function LoginPage() {
  return process.env.TARO_ENV === 'h5' ? <H5Login /> : <WeappRedirect />
}
