import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CERTIFICATE_LIMITS, formatDateTime, type CompletionEntry, type CourseCompletion } from '@core'
import { StaffDialog } from '../../components/staff-dialog'
import { StateView } from '@/components/state-view'
import { useCourseCompletion } from '../../hooks/use-course-completion'
import { alert, confirm, toast } from '@/utils/feedback'
import { StaffGate } from '../staff-gate'
import { useWorkbookExport } from '../../hooks/use-workbook-export'
import { CourseRatings } from './ratings'
import './index.scss'

const prefix = 'xz-staff-completion'
const REASON = CERTIFICATE_LIMITS.revokeReason

function Summary({ completion }: { completion: CourseCompletion }) {
  const qualified = completion.entries.filter((e) => e.qualified).length
  const exporter = useWorkbookExport()
  return (
    <View className={`${prefix}__summary`}>
      <Text className={`${prefix}__title`}>{completion.title}</Text>
      <Text className={`${prefix}__rule`}>
        结业要求：出勤不少于 {completion.rulePercent}% 的课次（迟到计为出勤）· 共 {completion.lessons} 次课，已上{' '}
        {completion.held} 次
      </Text>
      <View className={`${prefix}__stats`}>
        <Text className={`${prefix}__stat`}>报名 {completion.entries.length} 人</Text>
        <Text className={`${prefix}__stat ${prefix}__stat--good`}>达标 {qualified} 人</Text>
      </View>
      <Text className={`${prefix}__settled`}>
        {completion.settledAt ? `已于 ${formatDateTime(completion.settledAt)} 认定结业` : '尚未认定结业'}
      </Text>
      <View
        className={`${prefix}__export`}
        hoverClass={`${prefix}__export--pressed`}
        ariaRole="button"
        onClick={() => void exporter.exportCourse(completion.courseId)}
      >
        {exporter.busy ? '正在导出…' : '导出名单、考勤与评价（Excel）'}
      </View>
    </View>
  )
}

function Entry({ entry, onRevoke }: { entry: CompletionEntry; onRevoke: (e: CompletionEntry) => void }) {
  const cert = entry.certificate
  return (
    <View className={`${prefix}__entry`} ariaLabel={entry.name}>
      <View className={`${prefix}__entry-main`}>
        <Text className={`${prefix}__name`}>{entry.name}</Text>
        {/* Employer and attendance on lines of their own: run together, large text breaks 出勤 in two. */}
        {entry.employer ? <Text className={`${prefix}__meta`}>{entry.employer}</Text> : null}
        <Text className={`${prefix}__meta`}>
          出勤 {entry.attended} 次{entry.late ? `（迟到 ${entry.late}）` : ''}
        </Text>
        {cert ? <Text className={`${prefix}__meta`}>证书 {cert.code}</Text> : null}
        {cert?.status === 'revoked' ? <Text className={`${prefix}__reason`}>撤销原因：{cert.revokeReason}</Text> : null}
      </View>
      {cert?.status === 'valid' ? (
        <View className={`${prefix}__side`}>
          <Text className={`${prefix}__tag ${prefix}__tag--good`}>已发证</Text>
          <View className={`${prefix}__revoke`} ariaRole="button" onClick={() => onRevoke(entry)}>
            撤销
          </View>
        </View>
      ) : (
        <Text
          className={`${prefix}__tag ${cert ? `${prefix}__tag--bad` : entry.qualified ? '' : `${prefix}__tag--weak`}`}
        >
          {cert ? '已撤销' : entry.qualified ? '达标待发证' : '未达标'}
        </Text>
      )}
    </View>
  )
}

function Completion({ courseId }: { courseId: string | undefined }) {
  const c = useCourseCompletion(courseId)
  const [revoking, setRevoking] = useState<CompletionEntry | null>(null)
  const [reason, setReason] = useState('')
  const reasonLength = Array.from(reason.trim()).length
  const reasonOk = reasonLength >= REASON.min && reasonLength <= REASON.max

  if (c.status === 'loading' && !c.completion) return <StateView status="loading" skeletonCount={2} />
  if (c.status === 'error' || !c.completion) {
    return <StateView status="error" title={c.error?.message ?? '加载失败'} onAction={() => void c.reload()} />
  }
  const completion = c.completion

  const settle = async () => {
    const again = completion.settledAt !== null
    const question = again
      ? '将为新达标的职工补发证书，已发的证书不变。'
      : '将按出勤记录为达标职工发放结业证书，职工可在「我的证书」中查看。'
    if (!(await confirm(again ? '重新认定' : '认定结业', question, '确认认定'))) return
    const reply = await c.settle()
    if (reply.ok) toast(`已认定，新发证书 ${reply.data.issued} 张`, 'success')
    else await alert(reply.error.message)
  }

  const revoke = async () => {
    const cert = revoking?.certificate
    if (!cert || !reasonOk) return
    const reply = await c.revoke(cert.id, reason.trim())
    if (!reply.ok) return void (await alert(reply.error.message))
    setRevoking(null)
    setReason('')
    toast('证书已撤销', 'success')
  }

  return (
    <View className={prefix}>
      <Summary completion={completion} />
      <View className={`${prefix}__list`}>
        {completion.entries.length === 0 ? (
          <StateView status="empty" compact title="这门课没有报名的职工" />
        ) : (
          completion.entries.map((e, i) => <Entry key={`${e.name}_${i}`} entry={e} onRevoke={setRevoking} />)
        )}
      </View>
      <CourseRatings courseId={completion.courseId} />
      <View className={`${prefix}__bar`}>
        <Button
          type="primary"
          size="large"
          block
          loading={c.busy}
          disabled={!completion.finished}
          onClick={() => void settle()}
        >
          {completion.finished
            ? completion.settledAt
              ? '重新认定（补发新达标者）'
              : '认定结业并发证'
            : '课程结束后可认定结业'}
        </Button>
      </View>
      <StaffDialog
        visible={revoking !== null}
        title={`撤销 ${revoking?.name ?? ''} 的证书`}
        confirmText="撤销证书"
        danger
        confirmDisabled={!reasonOk}
        loading={c.busy}
        onCancel={() => setRevoking(null)}
        onConfirm={() => void revoke()}
      >
        <Text className={`${prefix}__dialog-text`}>撤销后，任何人查验该证书编号都会看到“已撤销”。原因会记录在案。</Text>
        <Textarea
          className={`${prefix}__dialog-input`}
          value={reason}
          maxlength={REASON.max}
          placeholder={`撤销原因（${REASON.min}–${REASON.max} 个字）`}
          onInput={(e) => setReason(e.detail.value)}
        />
      </StaffDialog>
    </View>
  )
}

export default function StaffCompletionPage() {
  const { params } = useRouter()
  return (
    <StaffGate className={prefix}>
      <Completion courseId={params.id || undefined} />
    </StaffGate>
  )
}
