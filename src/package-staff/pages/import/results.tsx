import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ImportRowError } from '@core'
import type { useAdminImport } from '../../hooks/use-admin-import'
import { STAFF_ROUTES } from '../../routes'
import { prefix } from './prefix'

/** The CSV's own column names are English; staff read them in Chinese. */
const COLUMN_LABELS: Record<string, string> = {
  course_key: '课程编号',
  title: '课程名称',
  category: '类别',
  instructor: '讲师',
  summary: '简介',
  venue_name: '地点名称',
  venue_address: '详细地址',
  capacity: '名额',
  enroll_opens: '报名开始',
  enroll_closes: '报名截止',
  lesson_date: '上课日期',
  lesson_start: '上课时间',
  lesson_end: '下课时间',
}

function ErrorTable({ errors }: { errors: ImportRowError[] }) {
  return (
    <View className={`${prefix}__table`} ariaRole="table">
      <View className={`${prefix}__tr ${prefix}__tr--head`}>
        <Text className={`${prefix}__td ${prefix}__td--line`}>行</Text>
        <Text className={`${prefix}__td ${prefix}__td--field`}>字段</Text>
        <Text className={`${prefix}__td ${prefix}__td--msg`}>问题</Text>
      </View>
      {errors.map((e, i) => (
        <View key={`${e.line}-${e.field}-${i}`} className={`${prefix}__tr`} ariaRole="row">
          <Text className={`${prefix}__td ${prefix}__td--line`}>第 {e.line} 行</Text>
          <Text className={`${prefix}__td ${prefix}__td--field`}>
            {e.field ? (COLUMN_LABELS[e.field] ?? e.field) : '—'}
          </Text>
          <Text className={`${prefix}__td ${prefix}__td--msg`}>{e.message}</Text>
        </View>
      ))}
    </View>
  )
}

/** Where the import stands: refused, checked with errors by line, checked and ready, or imported. */
export function ImportResult({ phase }: { phase: ReturnType<typeof useAdminImport>['phase'] }) {
  const checked = phase.kind === 'checked' ? phase.result : null
  const passed = !!checked && checked.errors.length === 0
  return (
    <>
      {phase.kind === 'failed' ? (
        <View className={`${prefix}__result ${prefix}__result--bad`}>
          <Text className={`${prefix}__result-title`}>{phase.error.message}</Text>
          {phase.error.code === 'ADMIN.IMPORT_INVALID' ? null : (
            <Text className={`${prefix}__result-text`}>未导入任何课程</Text>
          )}
        </View>
      ) : null}

      {checked && !passed ? (
        <View className={`${prefix}__result ${prefix}__result--bad`}>
          <Text className={`${prefix}__result-title`}>发现 {checked.errors.length} 处问题，未导入任何课程</Text>
          <Text className={`${prefix}__result-text`}>请按下表修改后重新校验。</Text>
          <ErrorTable errors={checked.errors} />
        </View>
      ) : null}

      {passed ? (
        <View className={`${prefix}__result ${prefix}__result--good`}>
          <Text className={`${prefix}__result-title`}>校验通过：{checked.courseIds.length} 门课程</Text>
          <Text className={`${prefix}__result-text`}>
            {checked.alreadyImported > 0 ? `其中 ${checked.alreadyImported} 门此前已导入，将保持不变。` : ''}
            尚未导入，请点击「确认导入」完成。
          </Text>
        </View>
      ) : null}

      {phase.kind === 'imported' ? (
        <View className={`${prefix}__result ${prefix}__result--good`}>
          <Text className={`${prefix}__result-title`}>已导入 {phase.result.imported} 门课程</Text>
          <Text className={`${prefix}__result-text`}>
            {phase.result.alreadyImported > 0 ? `另有 ${phase.result.alreadyImported} 门此前已导入，未作改动。` : ''}
            职工现在可以在课程列表中看到并报名。
          </Text>
          <View className={`${prefix}__result-actions`}>
            <Button
              type="primary"
              fill="outline"
              size="small"
              onClick={() => void Taro.redirectTo({ url: STAFF_ROUTES.courses })}
            >
              查看课程管理
            </Button>
          </View>
        </View>
      ) : null}
    </>
  )
}

export interface ImportBarProps {
  busy: ReturnType<typeof useAdminImport>['busy']
  /** Checked without errors: only then can it be imported. */
  passed: boolean
  onCheck: () => Promise<void>
  onCommit: () => Promise<void>
}

/** Check first, then import: the second button stays off until a check passed. */
export function ImportBar({ busy, passed, onCheck, onCommit }: ImportBarProps) {
  return (
    <View className={`${prefix}__bar`}>
      <Button
        className={`${prefix}__bar-button`}
        type="primary"
        fill="outline"
        loading={busy === 'check'}
        disabled={!!busy}
        onClick={() => void onCheck()}
      >
        先校验
      </Button>
      <Button
        className={`${prefix}__bar-button`}
        type="primary"
        loading={busy === 'import'}
        disabled={!passed || !!busy}
        onClick={() => void onCommit()}
      >
        确认导入
      </Button>
    </View>
  )
}
