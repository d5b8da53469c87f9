import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MaterialView } from '@core/contracts/materials'
import { StateView } from '@/components/state-view'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { formatLessonSlot } from '@/utils/format'
import { StaffDialog } from '../../components/staff-dialog'
import { useLessonMaterials } from '../../hooks/use-lesson-materials'
import { StaffGate } from '../staff-gate'
import { LinkDialog } from './link-dialog'
import { MaterialRow } from './material-row'
import { prefix } from './prefix'
import './index.scss'

function Button(props: { text: string; note: string; disabled: boolean; onClick: () => void }) {
  return (
    <View
      className={`${prefix}__add ${props.disabled ? `${prefix}__add--disabled` : ''}`.trim()}
      hoverClass={props.disabled ? 'none' : `${prefix}__add--pressed`}
      ariaRole="button"
      ariaLabel={props.text}
      onClick={() => !props.disabled && props.onClick()}
    >
      <Text className={`${prefix}__add-text`}>{props.text}</Text>
      <Text className={`${prefix}__add-note`}>{props.note}</Text>
    </View>
  )
}

function Materials({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const m = useLessonMaterials(courseId, lessonId)
  const [linkOpen, setLinkOpen] = useState(false)
  const [confirming, setConfirming] = useState<MaterialView | null>(null)
  usePullRefresh(m.reload)

  if (m.status === 'loading' && !m.lesson) return <StateView status="loading" skeletonCount={2} />
  if (m.status === 'error' || !m.lesson) {
    return <StateView status="error" title={m.error?.message ?? '没有找到这节课'} onAction={() => void m.reload()} />
  }
  const { lesson, upload } = m
  const busy = upload !== null
  return (
    <>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__title`}>第 {lesson.index} 课资料</Text>
        <Text className={`${prefix}__time`}>{formatLessonSlot(lesson.startsAt, lesson.endsAt)}</Text>
        <Text className={`${prefix}__note`}>
          这节课开始后，已报名的职工可以在课程页「课程资料」里查看和下载。文件不超过 20 MB。
        </Text>
      </View>
      <View className={`${prefix}__adds`}>
        <Button text="上传文件" note="PDF、PPT、Word、Excel" disabled={busy} onClick={() => void m.addFile('file')} />
        <Button text="上传图片" note="PNG、JPG" disabled={busy} onClick={() => void m.addFile('image')} />
        <Button text="添加链接" note="https 网址" disabled={busy} onClick={() => setLinkOpen(true)} />
      </View>
      {upload ? (
        <View className={`${prefix}__progress`} ariaRole="progressbar" ariaLabel="上传进度">
          <Text className={`${prefix}__progress-text`}>
            {upload.checking ? `正在检查「${upload.name}」…` : `正在上传「${upload.name}」 ${upload.percent}%`}
          </Text>
          <View className={`${prefix}__progress-track`}>
            <View className={`${prefix}__progress-fill`} style={{ width: `${upload.percent}%` }} />
          </View>
        </View>
      ) : null}
      {m.notice ? (
        <View className={`${prefix}__notice ${prefix}__notice--${m.notice.kind}`} ariaRole="alert">
          {m.notice.text}
        </View>
      ) : null}
      <View className={`${prefix}__list`}>
        <Text className={`${prefix}__list-title`}>已添加（{lesson.materials.length}）</Text>
        {lesson.materials.length === 0 ? (
          <Text className={`${prefix}__empty`}>还没有资料。上传讲义、课件，或添加参考网址。</Text>
        ) : (
          lesson.materials.map((item) => (
            <MaterialRow
              key={item.id}
              material={item}
              removing={m.removing === item.id}
              onPreview={() => void m.preview(item)}
              onRemove={() => setConfirming(item)}
            />
          ))
        )}
      </View>
      <LinkDialog visible={linkOpen} onClose={() => setLinkOpen(false)} onSubmit={m.addLink} />
      <StaffDialog
        visible={confirming !== null}
        title="删除这份资料？"
        confirmText="删除"
        cancelText="保留"
        danger
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const target = confirming
          setConfirming(null)
          if (target) void m.remove(target)
        }}
      >
        <Text className={`${prefix}__dialog-hint`}>
          {confirming?.kind === 'link'
            ? `「${confirming.title}」删除后，职工将不再看到这个链接。`
            : `「${confirming?.title ?? ''}」删除后，职工将无法再查看或下载，上传的文件也会一并删除。`}
        </Text>
      </StaffDialog>
    </>
  )
}

export default function StaffLessonMaterialsPage() {
  const { params } = useRouter()
  return (
    <StaffGate className={prefix}>
      <View className={prefix}>
        {params.course && params.lesson ? (
          <Materials courseId={params.course} lessonId={params.lesson} />
        ) : (
          <StateView status="error" title="没有找到这节课" />
        )}
      </View>
    </StaffGate>
  )
}
