import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { LessonMaterials, MaterialView } from '@core/contracts/materials'
import { StateView } from '@/components/state-view'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { formatLessonSlot } from '@/utils/format'
import { MaterialItem } from '../../components/material-item'
import { useCourseMaterials } from '../../hooks/use-course-materials'
import './index.scss'

const prefix = 'xz-materials'
const inBrowser = process.env.TARO_ENV === 'h5'

function actionText(m: MaterialView): string {
  if (m.kind === 'link') return inBrowser ? '打开' : '复制链接'
  return inBrowser ? '下载' : '打开'
}

function Lesson(props: { lesson: LessonMaterials; opening: string | null; onOpen: (m: MaterialView) => void }) {
  const { lesson } = props
  return (
    <View className={`${prefix}__lesson`}>
      <View className={`${prefix}__lesson-head`}>
        <Text className={`${prefix}__lesson-no`}>第 {lesson.index} 课</Text>
        <Text className={`${prefix}__lesson-time`}>{formatLessonSlot(lesson.startsAt, lesson.endsAt)}</Text>
      </View>
      {lesson.materials.length === 0 ? (
        <Text className={`${prefix}__none`}>这节课没有资料</Text>
      ) : (
        lesson.materials.map((m) => (
          <MaterialItem
            key={m.id}
            material={m}
            actionText={actionText(m)}
            busy={props.opening === m.id}
            onOpen={() => props.onOpen(m)}
          />
        ))
      )}
    </View>
  )
}

/** The materials of a course's started lessons, for a worker holding a seat; newest lesson first. */
export default function MaterialsPage() {
  const { params } = useRouter()
  const materials = useCourseMaterials(params.id || undefined)
  const { data, status, error } = materials
  usePullRefresh(materials.reload)

  const lessons = data ? [...data.lessons].reverse() : []
  const count = lessons.reduce((n, l) => n + l.materials.length, 0)
  return (
    <View className={prefix}>
      {status === 'loading' && !data ? <StateView status="loading" skeletonCount={2} /> : null}
      {status === 'error' ? (
        <StateView
          status="error"
          title={error?.message ?? '加载失败'}
          actionText={error?.code === 'MATERIAL.NOT_SEATED' ? '' : '重试'}
          onAction={() => void materials.reload()}
        />
      ) : null}
      {data ? (
        <>
          <Text className={`${prefix}__intro`}>
            {inBrowser
              ? '点「下载」保存讲义和课件，链接点「打开」。'
              : '点「打开」查看讲义和课件，可以转发或保存；链接会复制下来，请粘贴到浏览器打开。'}
            {data.upcoming > 0 ? `还有 ${data.upcoming} 节课未开始，开课后可以在这里看到它的资料。` : ''}
          </Text>
          {materials.openError ? <Text className={`${prefix}__error`}>{materials.openError}</Text> : null}
          {count === 0 ? (
            <StateView status="empty" title="已开课的课次还没有资料" description="老师上传讲义、课件后会出现在这里" />
          ) : (
            lessons.map((l) => (
              <Lesson key={l.lessonId} lesson={l} opening={materials.opening} onOpen={(m) => void materials.open(m)} />
            ))
          )}
        </>
      ) : null}
    </View>
  )
}
