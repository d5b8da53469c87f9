import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDate, type CertificateVerification } from '@core'
import { useVerifyCertificate } from '../../hooks/use-verify-certificate'
import './index.scss'

const prefix = 'xz-verify'

function Result({ result }: { result: CertificateVerification }) {
  const valid = result.status === 'valid'
  return (
    <View className={`${prefix}__result ${prefix}__result--${result.status}`} ariaRole="status">
      <Text className={`${prefix}__verdict`}>{valid ? '✓ 证书有效' : '✕ 证书已撤销'}</Text>
      {!valid && result.revokedAt ? (
        <Text className={`${prefix}__note`}>已于 {formatDate(result.revokedAt)} 撤销，不能作为结业证明</Text>
      ) : null}
      <View className={`${prefix}__rows`}>
        {[
          ['持证人', result.holderName],
          ['课程', result.courseTitle],
          ['学时', String(result.hours)],
          ['结业日期', formatDate(result.lastLessonAt)],
          ['发证单位', result.issuer],
          ['证书编号', result.code],
        ].map(([label, value]) => (
          <View key={label} className={`${prefix}__row`}>
            <Text className={`${prefix}__row-label`}>{label}</Text>
            <Text className={`${prefix}__row-value`}>{value}</Text>
          </View>
        ))}
      </View>
      <Text className={`${prefix}__privacy`}>为保护个人信息，持证人姓名部分隐去。</Text>
    </View>
  )
}

export default function VerifyPage() {
  const { params } = useRouter()
  const [typed, setTyped] = useState(params.code ? decodeURIComponent(params.code) : '')
  const { result, error, busy, verify } = useVerifyCertificate()

  useEffect(() => {
    if (params.code) void verify(decodeURIComponent(params.code))
  }, [params.code, verify])

  return (
    <View className={prefix}>
      <View className={`${prefix}__form`}>
        <Text className={`${prefix}__label`}>证书编号</Text>
        <View className={`${prefix}__input-box`}>
          <Input
            className={`${prefix}__input`}
            value={typed}
            maxlength={40}
            placeholder="如 7K2QX-M9D4R"
            ariaLabel="证书编号"
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={() => void verify(typed)}
          />
        </View>
        <Button
          type="primary"
          size="large"
          block
          loading={busy}
          disabled={!typed.trim()}
          onClick={() => void verify(typed)}
        >
          查验
        </Button>
      </View>
      {error && !busy ? (
        <View className={`${prefix}__result ${prefix}__result--missing`} ariaRole="status">
          <Text className={`${prefix}__verdict`}>✕ 查无此证书</Text>
          <Text className={`${prefix}__note`}>{error.message}</Text>
        </View>
      ) : null}
      {result && !busy ? <Result result={result} /> : null}
    </View>
  )
}
