import Taro from '@tarojs/taro'
import type { OutcomesResults, Reply } from '@core'
import { MATERIAL_EXTENSIONS, materialCloudDir, type MaterialView } from '@core/contracts/materials'
import { call, initCloud } from './cloud'
import { getDevOpenId, isH5 } from './dev-identity'

/** A file the staff member chose: a temporary path in WeChat, the file itself in the browser. */
export interface PickedFile {
  name: string
  size: number
  path?: string
  blob?: Blob
}

const UPLOAD_FAILED = {
  ok: false,
  error: { code: 'COMMON.INTERNAL', message: '上传没有成功，请检查网络后重试' },
} as const

export function courseMaterials(courseId: string): Promise<Reply<OutcomesResults['courseMaterials']>> {
  return call('outcomes', { action: 'courseMaterials', courseId })
}

/** Staff-only, like adding and removing: the function refuses workers (AUTH.FORBIDDEN). */
export function listMaterials(courseId: string): Promise<Reply<OutcomesResults['listMaterials']>> {
  return call('outcomes', { action: 'listMaterials', courseId })
}

export function addFileMaterial(
  where: { courseId: string; lessonId: string },
  title: string,
  fileID: string,
): Promise<Reply<OutcomesResults['addMaterial']>> {
  return call('outcomes', { action: 'addMaterial', ...where, title, kind: 'file', fileID })
}

export function addLinkMaterial(
  where: { courseId: string; lessonId: string },
  title: string,
  url: string,
): Promise<Reply<OutcomesResults['addMaterial']>> {
  return call('outcomes', { action: 'addMaterial', ...where, title, kind: 'link', url })
}

export function removeMaterial(materialId: string): Promise<Reply<OutcomesResults['removeMaterial']>> {
  return call('outcomes', { action: 'removeMaterial', materialId })
}

/** A name's ending as stored: the server reads it to tell a .docx from a .pptx (both are zip files). */
function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase() ?? 'bin'
}

function pickInBrowser(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    const done = (file: File | null) => {
      input.remove()
      resolve(file ? { name: file.name, size: file.size, blob: file } : null)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}

/**
 * Lets staff choose a document or a picture; null when they close the picker. In WeChat documents come
 * from a chat (chooseMessageFile: PDFs and slides usually arrive that way), pictures from the album or
 * the camera.
 */
export async function pickMaterialFile(source: 'file' | 'image'): Promise<PickedFile | null> {
  if (isH5()) {
    return pickInBrowser(
      source === 'image' ? 'image/png,image/jpeg' : MATERIAL_EXTENSIONS.map((e) => `.${e}`).join(','),
    )
  }
  try {
    if (source === 'image') {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })
      const file = res.tempFiles[0]
      return file ? { name: file.path.split('/').pop() ?? 'image.jpg', size: file.size, path: file.path } : null
    }
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...MATERIAL_EXTENSIONS] })
    const file = res.tempFiles[0]
    return file ? { name: file.name, size: file.size, path: file.path } : null
  } catch {
    // Closing the picker rejects ("cancel"): nothing was chosen.
    return null
  }
}

function uploadInBrowser(cloudPath: string, blob: Blob, onProgress: (p: number) => void): Promise<Reply<string>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/dev/upload?cloudPath=${encodeURIComponent(cloudPath)}`)
    const openid = getDevOpenId()
    if (openid) xhr.setRequestHeader('X-OpenID', openid)
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100))
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { ok: boolean; data?: { fileID: string } }
        resolve(body.ok && body.data ? { ok: true, data: body.data.fileID } : { ...UPLOAD_FAILED })
      } catch {
        resolve({ ...UPLOAD_FAILED })
      }
    }
    xhr.onerror = () => resolve({ ...UPLOAD_FAILED })
    xhr.send(blob)
  })
}

/**
 * Puts the chosen file into cloud storage, in the course's materials folder, and gives back its fileID.
 * In WeChat the file goes straight from the phone to storage; the browser demo posts it to the local
 * cloud's gateway instead.
 */
export function uploadMaterialFile(
  courseId: string,
  file: PickedFile,
  onProgress: (percent: number) => void,
): Promise<Reply<string>> {
  const random = Math.random().toString(36).slice(2, 10)
  const cloudPath = `${materialCloudDir(courseId)}${Date.now()}-${random}.${extensionOf(file.name)}`
  if (isH5()) return file.blob ? uploadInBrowser(cloudPath, file.blob, onProgress) : Promise.resolve(UPLOAD_FAILED)
  initCloud()
  return new Promise((resolve) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath: file.path ?? '',
      success: (res) => resolve({ ok: true, data: res.fileID }),
      fail: () => resolve({ ...UPLOAD_FAILED }),
    })
    task?.onProgressUpdate?.((p) => onProgress(p.progress))
  })
}

const DOCUMENT_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'] as const

/**
 * Opens a file for reading: in WeChat it is downloaded and shown by the system viewer (with its menu to
 * forward or save), a picture in the image viewer; the browser opens the URL in a new tab.
 */
export async function openMaterialFile(material: MaterialView): Promise<Reply<null>> {
  const url = material.url
  if (!url) return { ok: false, error: { code: 'COMMON.INTERNAL', message: '这个文件暂时打不开，请稍后再试' } }
  if (isH5()) {
    window.open(url, '_blank', 'noopener')
    return { ok: true, data: null }
  }
  try {
    if (material.fileType === 'png' || material.fileType === 'jpeg') {
      await Taro.previewImage({ urls: [url], current: url })
      return { ok: true, data: null }
    }
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
    if (statusCode !== 200) throw new Error(String(statusCode))
    const fileType = DOCUMENT_TYPES.find((t) => t === material.fileType)
    await Taro.openDocument({ filePath: tempFilePath, showMenu: true, ...(fileType ? { fileType } : {}) })
    return { ok: true, data: null }
  } catch {
    return { ok: false, error: { code: 'COMMON.INTERNAL', message: '下载没有成功，请检查网络后重试' } }
  }
}

/**
 * A mini-program cannot open an arbitrary web page, so in WeChat a link is copied for the worker to
 * paste into a browser; the browser demo opens it.
 */
export async function openMaterialLink(url: string): Promise<'copied' | 'opened'> {
  if (isH5()) {
    window.open(url, '_blank', 'noopener')
    return 'opened'
  }
  await Taro.setClipboardData({ data: url })
  await Taro.showToast({ title: '链接已复制，请粘贴到浏览器打开', icon: 'none', duration: 2500 })
  return 'copied'
}
