import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { StateView } from '@/components/state-view'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useAdminCourse } from '../../hooks/use-admin-course'
import { StaffGate } from '../staff-gate'
import { Actions } from './actions'
import { CancelDialog, CANCEL_WARNING } from './cancel-dialog'
import { CapacityDialog } from './capacity-dialog'
import { Header } from './header'
import { Lessons } from './lessons'
import { prefix } from './prefix'
import './index.scss'

function Manage({ courseId }: { courseId: string | undefined }) {
  const admin = useAdminCourse(courseId)
  const { course } = admin
  const [dialog, setDialog] = useState<'capacity' | 'cancel' | null>(null)

  // Back from editing or the roster: numbers may have moved.
  useRefreshOnShow(admin.refresh)
  usePullRefresh(admin.refresh)

  if (admin.status === 'loading' && !course) {
    return (
      <View className={prefix}>
        <StateView status="loading" skeletonCount={2} />
      </View>
    )
  }
  if (admin.status === 'error' || !course) {
    return (
      <View className={prefix}>
        <StateView status="error" title={admin.error?.message ?? '加载失败'} onAction={() => void admin.reload()} />
      </View>
    )
  }

  const cancelled = course.enrollState === 'cancelled'
  const close = () => setDialog(null)
  return (
    <View className={prefix}>
      {cancelled ? <View className={`${prefix}__cancelled`}>该课程已取消，名单仍可查看，其他操作不可用</View> : null}
      <Header course={course} />
      <Actions course={course} cancelled={cancelled} onCapacity={() => setDialog('capacity')} />
      <Lessons course={course} cancelled={cancelled} />
      {!cancelled ? (
        <View className={`${prefix}__danger-zone`}>
          <View
            className={`${prefix}__danger`}
            hoverClass={`${prefix}__danger--pressed`}
            ariaRole="button"
            ariaLabel="取消课程"
            onClick={() => setDialog('cancel')}
          >
            取消课程
          </View>
          <Text className={`${prefix}__danger-note`}>{CANCEL_WARNING}</Text>
        </View>
      ) : null}
      <CapacityDialog course={course} admin={admin} visible={dialog === 'capacity'} onClose={close} />
      <CancelDialog course={course} admin={admin} visible={dialog === 'cancel'} onClose={close} />
    </View>
  )
}

export default function StaffCourseManagePage() {
  const { params } = useRouter()
  return (
    <StaffGate className={prefix}>
      <Manage courseId={params.id || undefined} />
    </StaffGate>
  )
}
