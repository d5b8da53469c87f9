import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDate, type CertificateView } from '@core'
import { StateView } from '@/components/state-view'
import { useMyCertificates } from '../../hooks/use-my-certificates'
import { OUTCOME_ROUTES } from '@/utils/outcome-routes'
import { LinkArea } from '@/components/link-area'
import './index.scss'

const prefix = 'xz-certs'

function CertificateItem({ cert }: { cert: CertificateView }) {
  const revoked = cert.status === 'revoked'
  return (
    <LinkArea
      className={`${prefix}__item`}
      label={cert.courseTitle}
      onOpen={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.certificate(cert.id) })}
    >
      <View className={`${prefix}__seal`}>
        <Text className={`${prefix}__seal-text`}>结业</Text>
      </View>
      <View className={`${prefix}__body`}>
        <Text className={`${prefix}__title`}>{cert.courseTitle}</Text>
        <Text className={`${prefix}__meta`}>
          {formatDate(cert.lastLessonAt)} 结业 · {cert.hours} 学时
        </Text>
        <Text className={`${prefix}__code`}>编号 {cert.code}</Text>
      </View>
      {revoked ? <Text className={`${prefix}__revoked`}>已撤销</Text> : <Text className={`${prefix}__arrow`}>›</Text>}
    </LinkArea>
  )
}

export default function CertificatesPage() {
  const { certificates, status, error, reload } = useMyCertificates()
  return (
    <View className={prefix}>
      <View className={`${prefix}__intro`}>
        <Text className={`${prefix}__intro-text`}>
          出勤达到课程要求（默认 80% 的课次，迟到也算出勤）的课程，结课后发放结业证书。
        </Text>
      </View>
      {status === 'loading' ? <StateView status="loading" skeletonCount={2} /> : null}
      {status === 'error' ? (
        <StateView status="error" title={error?.message ?? '加载失败'} onAction={() => void reload()} />
      ) : null}
      {status === 'ready' && certificates.length === 0 ? (
        <StateView status="empty" title="还没有结业证书" description="上完一门课程并达到出勤要求后，证书会出现在这里" />
      ) : null}
      {status === 'ready' && certificates.length > 0 ? (
        <View className={`${prefix}__list`}>
          {certificates.map((c) => (
            <CertificateItem key={c.id} cert={c} />
          ))}
        </View>
      ) : null}
      <LinkArea className={`${prefix}__verify`} onOpen={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.verify() })}>
        证书查验：输入编号，核对一张证书的真伪 ›
      </LinkArea>
    </View>
  )
}
