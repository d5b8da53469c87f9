import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { IMPORT_COLUMN_LABELS, type ImportRowError } from '@core'
import type { useAdminImport } from '../../hooks/use-admin-import'
import { STAFF_ROUTES } from '../../routes'
import { PreviewTable } from './preview'
import { prefix } from './prefix'

/** "第 3 行「开始时间」：…": the cell, named as staff name the column, and what is wrong with it. */
export function errorLine(e: ImportRowError): string {
  const column = e.field ? `「${(IMPORT_COLUMN_LABELS as Record<string, string>)[e.field] ?? e.field}」` : ''
  return `第 ${e.line} 行${column}：${e.message}`
}

function ErrorList({ errors }: { errors: ImportRowError[] }) {
  return (
    <View className={`${prefix}__errors`} ariaRole="list">
      {errors.map((e, i) => (
        <View key={`${e.line}-${e.field}-${i}`} className={`${prefix}__error`} ariaRole="listitem">
          {errorLine(e)}
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
          <ErrorList errors={checked.errors} />
        </View>
      ) : null}

      {passed ? (
        <View className={`${prefix}__result ${prefix}__result--good`}>
          <Text className={`${prefix}__result-title`}>校验通过：{checked.courseIds.length} 门课程</Text>
          <Text className={`${prefix}__result-text`}>
            {checked.alreadyImported > 0 ? `其中 ${checked.alreadyImported} 门此前已导入，将保持不变。` : ''}
            尚未导入，请核对下表，再点击「确认导入」。
          </Text>
          {checked.preview ? <PreviewTable courses={checked.preview} /> : null}
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
