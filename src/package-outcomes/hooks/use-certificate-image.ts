import { useCallback, useEffect, useState } from 'react'
import type { CertificateView } from '@core'
import { previewImage, renderImage, saveImage } from '@/services/canvas-image'
import { toast } from '@/utils/feedback'
import { CERTIFICATE_SIZE, drawCertificate } from '../lib/draw-certificate'

export type ImageStatus = 'idle' | 'drawing' | 'ready' | 'error'

/** Draws the certificate once per certificate, and saves or shares the picture. */
export function useCertificateImage(cert: CertificateView | null) {
  const [src, setSrc] = useState<string | null>(null)
  const [status, setStatus] = useState<ImageStatus>('idle')
  const [saving, setSaving] = useState(false)

  const draw = useCallback(async () => {
    if (!cert) return
    setStatus('drawing')
    try {
      setSrc(await renderImage(CERTIFICATE_SIZE.width, CERTIFICATE_SIZE.height, (ctx) => drawCertificate(ctx, cert)))
      setStatus('ready')
    } catch {
      setStatus('error')
    }
  }, [cert])

  useEffect(() => {
    void draw()
  }, [draw])

  const save = useCallback(async () => {
    if (!src || !cert || saving) return
    setSaving(true)
    const result = await saveImage(src, `结业证书-${cert.courseTitle}-${cert.code}.png`)
    setSaving(false)
    toast(
      result.ok ? (result.via === 'album' ? '已保存到相册' : '已开始下载') : result.message,
      result.ok ? 'success' : 'none',
    )
  }, [src, cert, saving])

  const share = useCallback(async () => {
    if (src) await previewImage(src)
  }, [src])

  return { src, status, saving, redraw: draw, save, share }
}
