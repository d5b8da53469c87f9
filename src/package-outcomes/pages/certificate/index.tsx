import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CertificateView } from '@core'
import { StateView } from '@/components/state-view'
import { useCertificateImage } from '../../hooks/use-certificate-image'
import { useMyCertificates } from '../../hooks/use-my-certificates'
import { OUTCOME_ROUTES } from '@/utils/outcome-routes'
import { LinkArea } from '@/components/link-area'
import './index.scss'

const prefix = 'xz-cert'

function Certificate({ cert }: { cert: CertificateView }) {
  const image = useCertificateImage(cert)
  const revoked = cert.status === 'revoked'
  return (
    <View className={`${prefix}__content`}>
      {revoked ? <Text className={`${prefix}__revoked`}>该证书已被工会撤销，不能再作为结业证明使用。</Text> : null}
      <View className={`${prefix}__paper`}>
        {image.status === 'ready' && image.src ? (
          <Image
            className={`${prefix}__image`}
            src={image.src}
            mode="widthFix"
            ariaLabel={`${cert.courseTitle} 结业证书`}
            onClick={() => void image.share()}
          />
        ) : null}
        {image.status === 'drawing' || image.status === 'idle' ? (
          <Text className={`${prefix}__drawing`}>证书生成中…</Text>
        ) : null}
        {image.status === 'error' ? (
          <StateView status="error" compact title="证书图片生成失败" onAction={() => void image.redraw()} />
        ) : null}
      </View>
      <View className={`${prefix}__facts`}>
        <Text className={`${prefix}__code`}>证书编号 {cert.code}</Text>
        <Text className={`${prefix}__hint`}>任何人都可以在「证书查验」中输入编号或扫描证书上的二维码核对真伪。</Text>
      </View>
      {!revoked ? (
        <View className={`${prefix}__actions`}>
          <Button
            type="primary"
            size="large"
            block
            loading={image.saving}
            disabled={image.status !== 'ready'}
            onClick={() => void image.save()}
          >
            {process.env.TARO_ENV === 'h5' ? '下载证书图片' : '保存到相册'}
          </Button>
          {process.env.TARO_ENV !== 'h5' ? (
            <Text className={`${prefix}__share`}>点开证书图片后长按，可发送给朋友</Text>
          ) : null}
        </View>
      ) : null}
      <LinkArea
        className={`${prefix}__verify`}
        onOpen={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.verify(cert.code) })}
      >
        查验这张证书 ›
      </LinkArea>
    </View>
  )
}

export default function CertificatePage() {
  const { params } = useRouter()
  const { status, error, reload, find } = useMyCertificates()
  const cert = params.id ? find(params.id) : null
  return (
    <View className={prefix}>
      {status === 'loading' ? <StateView status="loading" skeletonCount={1} /> : null}
      {status === 'error' ? (
        <StateView status="error" title={error?.message ?? '加载失败'} onAction={() => void reload()} />
      ) : null}
      {status === 'ready' && !cert ? (
        <StateView
          status="empty"
          title="没有找到这张证书"
          actionText="查看我的证书"
          onAction={() => void Taro.redirectTo({ url: OUTCOME_ROUTES.certificates })}
        />
      ) : null}
      {status === 'ready' && cert ? <Certificate cert={cert} /> : null}
    </View>
  )
}
