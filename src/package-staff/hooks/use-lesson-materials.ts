import { useCallback, useState } from 'react'
import type { Reply } from '@core'
import { MATERIAL_LIMITS, type MaterialView } from '@core/contracts/materials'
import { useLoaded } from '@/hooks/use-loaded'
import {
  addFileMaterial,
  addLinkMaterial,
  listMaterials,
  openMaterialFile,
  pickMaterialFile,
  removeMaterial,
  uploadMaterialFile,
} from '@/services/materials'

export interface UploadProgress {
  name: string
  percent: number
  /** The upload is done; the server is checking the file. */
  checking: boolean
}

export type Notice = { kind: 'ok' | 'error'; text: string } | null

const titleOf = (fileName: string) =>
  Array.from(fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim())
    .slice(0, MATERIAL_LIMITS.title.max)
    .join('') || '课程资料'

/**
 * One lesson's materials on the staff side: choosing and uploading a file (with its progress), adding a
 * link, removing one. Every refusal is kept as a notice for the page to show next to the buttons.
 */
export function useLessonMaterials(courseId: string, lessonId: string) {
  const load = useCallback(() => listMaterials(courseId), [courseId])
  const { data, setData, status, error, reload } = useLoaded(load)
  const lesson = data?.lessons.find((l) => l.lessonId === lessonId) ?? null
  const [upload, setUpload] = useState<UploadProgress | null>(null)
  const [notice, setNotice] = useState<Notice>(null)
  const [removing, setRemoving] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    const reply = await listMaterials(courseId)
    if (reply.ok) setData(reply.data)
  }, [courseId, setData])

  const where = { courseId, lessonId }

  const addFile = async (source: 'file' | 'image') => {
    setNotice(null)
    const file = await pickMaterialFile(source)
    if (!file) return
    // Said before a long upload on mobile data; the server checks again whatever the app says.
    if (file.size > MATERIAL_LIMITS.maxBytes) {
      setNotice({ kind: 'error', text: '文件超过 20 MB，请压缩或拆分后再上传' })
      return
    }
    setUpload({ name: file.name, percent: 0, checking: false })
    const stored = await uploadMaterialFile(courseId, file, (percent) =>
      setUpload({ name: file.name, percent, checking: percent >= 100 }),
    )
    if (!stored.ok) {
      setUpload(null)
      setNotice({ kind: 'error', text: stored.error.message })
      return
    }
    setUpload({ name: file.name, percent: 100, checking: true })
    // WeChat names a chosen picture after its temporary file (tmp_…): number pictures instead.
    const pictures = lesson?.materials.filter((x) => x.fileType === 'png' || x.fileType === 'jpeg').length ?? 0
    const title = source === 'image' && !file.blob ? `图片 ${pictures + 1}` : titleOf(file.name)
    const reply = await addFileMaterial(where, title, stored.data)
    setUpload(null)
    setNotice(reply.ok ? { kind: 'ok', text: `已添加「${title}」` } : { kind: 'error', text: reply.error.message })
    if (reply.ok) await refresh()
  }

  const addLink = async (title: string, url: string): Promise<Reply<unknown>> => {
    setNotice(null)
    const reply = await addLinkMaterial(where, title, url.trim())
    if (reply.ok) {
      setNotice({ kind: 'ok', text: `已添加链接「${reply.data.material.title}」` })
      await refresh()
    }
    return reply
  }

  const remove = async (material: MaterialView) => {
    setNotice(null)
    setRemoving(material.id)
    const reply = await removeMaterial(material.id)
    setRemoving(null)
    setNotice(
      reply.ok ? { kind: 'ok', text: `已删除「${material.title}」` } : { kind: 'error', text: reply.error.message },
    )
    await refresh()
  }

  const preview = async (material: MaterialView) => {
    const reply = await openMaterialFile(material)
    if (!reply.ok) setNotice({ kind: 'error', text: reply.error.message })
  }

  return { lesson, status, error, reload, refresh, upload, notice, removing, addFile, addLink, remove, preview }
}
