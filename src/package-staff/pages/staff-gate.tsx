import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ERROR_MESSAGES } from '@core'
import { StateView } from '@/components/state-view'
import { useSession } from '@/hooks/use-session'
import { ROUTES } from '@/utils/routes'

export interface StaffGateProps {
  /** The page's root class, so loading and refusal states sit on the same background. */
  className: string
  children: ReactNode
}

/**
 * Every staff page opens behind this: a worker who follows a shared link sees a plain refusal instead of a
 * page full of failed calls. The admin function still refuses workers on its own; this is only courtesy.
 * It lives beside the pages, not among the components, because it reads the session: it is every staff page's frame.
 */
export function StaffGate({ className, children }: StaffGateProps) {
  const session = useSession()

  if (session.status === 'idle' || session.status === 'loading' || session.status === 'anonymous') {
    return (
      <View className={className}>
        <StateView status="loading" skeletonCount={2} />
      </View>
    )
  }

  if (session.status === 'error' && !session.session) {
    return (
      <View className={className}>
        <StateView
          status="error"
          title={session.error?.message ?? '加载失败'}
          onAction={() => void session.refresh()}
        />
      </View>
    )
  }

  if (!session.isStaff) {
    return (
      <View className={className}>
        <StateView
          status="error"
          title={ERROR_MESSAGES['AUTH.FORBIDDEN']}
          description="如您是工会工作人员，请联系管理员开通权限"
          actionText="返回课程列表"
          onAction={() => void Taro.switchTab({ url: ROUTES.catalog })}
        />
      </View>
    )
  }

  return <>{children}</>
}
