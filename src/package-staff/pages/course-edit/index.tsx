import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { StateView } from '@/components/state-view'
import { useAdminCourseEditor } from '../../hooks/use-admin-course-editor'
import { courseFormFrom, emptyCourseForm, wishCourseForm, type CourseFormValues } from '../../lib/course-form'
import { StaffGate } from '../staff-gate'
import { CourseForm } from './course-form'
import { prefix } from './prefix'
import './index.scss'

function Editor({ courseId, blank }: { courseId: string | undefined; blank?: CourseFormValues | null }) {
  const editor = useAdminCourseEditor(courseId)
  const [initial, setInitial] = useState<CourseFormValues | null>(courseId ? null : (blank ?? emptyCourseForm))

  useEffect(() => {
    if (editor.course) setInitial(courseFormFrom(editor.course))
  }, [editor.course])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: courseId ? '编辑课程' : '新建课程' })
  }, [courseId])

  if (editor.status === 'error') {
    return (
      <View className={prefix}>
        <StateView status="error" title={editor.error?.message ?? '加载失败'} onAction={() => void editor.reload()} />
      </View>
    )
  }
  if (editor.status === 'loading' || !initial) {
    return (
      <View className={prefix}>
        <StateView status="loading" skeletonCount={3} />
      </View>
    )
  }
  if (editor.course?.enrollState === 'cancelled') {
    return (
      <View className={prefix}>
        <StateView
          status="error"
          title="课程已取消，不能修改"
          actionText="返回"
          onAction={() => void Taro.navigateBack()}
        />
      </View>
    )
  }
  return (
    <CourseForm
      key={initial.id ?? 'new'}
      initial={initial}
      saving={editor.saving}
      save={editor.save}
      audience={editor.course}
    />
  )
}

export default function StaffCourseEditPage() {
  const { params } = useRouter()
  return (
    <StaffGate className={prefix}>
      <Editor courseId={params.id || undefined} blank={wishCourseForm(params)} />
    </StaffGate>
  )
}
