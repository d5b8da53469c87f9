import Taro from '@tarojs/taro'
import { downloadUrl } from './browser-download'

/**
 * Drawing into an image the person can look at, save and share. The drawing itself is the caller's
 * (a function of a 2D context); this is the platform part: which canvas, and how the picture leaves it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Draw = (ctx: any) => void

export type ImageDelivery = { ok: true; via: 'album' | 'download' } | { ok: false; message: string }

/** Resolves an image `src`: a data URL in the browser, a temporary file path in WeChat. */
export async function renderImage(width: number, height: number, draw: Draw): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('canvas unavailable')
    draw(ctx)
    return canvas.toDataURL('image/png')
  }
  // An offscreen 2D canvas (base library ≥ 2.16.1) needs no <Canvas> on the page.
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width, height }) as unknown as {
    getContext(kind: '2d'): unknown
  }
  draw(canvas.getContext('2d'))
  const res = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never)
  return res.tempFilePath
}

/** Saves the picture: to the phone's album in WeChat (asks for permission), as a download in the browser. */
export async function saveImage(src: string, filename: string): Promise<ImageDelivery> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      downloadUrl(filename, src)
      return { ok: true, via: 'download' }
    }
    await Taro.saveImageToPhotosAlbum({ filePath: src })
    return { ok: true, via: 'album' }
  } catch (err) {
    const denied = /auth|deny|denied/i.test(String((err as { errMsg?: string })?.errMsg ?? err))
    return {
      ok: false,
      message: denied ? '需要允许保存到相册：请在右上角「…」→「设置」中打开相册权限' : '保存失败，请稍后重试',
    }
  }
}

/** In WeChat, a long press on the opened picture offers 发送给朋友 / 保存; the browser just shows it. */
export async function previewImage(src: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') return
  await Taro.previewImage({ urls: [src], current: src })
}
