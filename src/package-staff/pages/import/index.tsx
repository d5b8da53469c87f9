import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ERROR_MESSAGES, IMPORT_COLUMNS, IMPORT_LIMITS, type ImportRowError } from '@core'
import { useAdminImport } from '../../hooks/use-admin-import'
import { alert, confirm, toast } from '@/utils/feedback'
import { StaffGate } from '../staff-gate'
import { countDataLines, utf8Bytes } from '../../lib/import-template'
import { STAFF_ROUTES } from '../../routes'
import './index.scss'

const prefix = 'xz-staff-import'

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

function tooLarge(csv: string): boolean {
  return utf8Bytes(csv) > IMPORT_LIMITS.bytes || countDataLines(csv) > IMPORT_LIMITS.rows
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

function Importer() {
  const importer = useAdminImport()
  const [csv, setCsv] = useState('')
  const [fileName, setFileName] = useState('')
  const { phase } = importer
  const lines = countDataLines(csv)

  const changeText = (text: string) => {
    setCsv(text)
    // A check is only valid for the text it saw; any edit asks for a new one.
    if (phase.kind !== 'idle') importer.reset()
  }

  const chooseFile = async () => {
    try {
      const file = await importer.pickFile()
      if (!file) return
      setFileName(file.name)
      changeText(file.text)
    } catch {
      toast('无法读取该文件，请确认是 UTF-8 编码的 CSV')
    }
  }

  const getTemplate = async () => {
    const result = await importer.downloadTemplate()
    if (!result.ok) toast(result.message)
    else toast(result.via === 'download' ? '模板已下载' : '模板已复制，可粘贴到电脑表格中填写')
  }

  const check = async () => {
    if (!csv.trim()) {
      toast('请先粘贴课程表或选择文件')
      return
    }
    // The function's request is capped by WeChat; say so before uploading rather than after a failure.
    if (tooLarge(csv)) {
      await alert(ERROR_MESSAGES['ADMIN.IMPORT_TOO_LARGE'])
      return
    }
    await importer.check(csv)
  }

  const commit = async () => {
    if (phase.kind !== 'checked' || phase.result.errors.length > 0) return
    const { imported } = phase.result
    const ok = await confirm(
      '确认导入',
      imported > 0
        ? `将导入 ${imported} 门课程，导入后职工即可看到并报名。`
        : '文件中的课程此前都已导入，不会重复创建。',
      '导入',
    )
    if (ok) await importer.commit(phase.csv)
  }

  const checked = phase.kind === 'checked' ? phase.result : null
  const passed = !!checked && checked.errors.length === 0

  return (
    <View className={prefix}>
      <View className={`${prefix}__section`}>
        <Text className={`${prefix}__section-title`}>1. 准备课程表</Text>
        <Text className={`${prefix}__text`}>
          每行一节课；同一门课程的多节课填写相同的「课程编号」(course_key)。日期写作 2026-11-28，时间写作 19:00。
        </Text>
        <Text className={`${prefix}__columns`}>{IMPORT_COLUMNS.join(', ')}</Text>
        <View className={`${prefix}__tools`}>
          <Button className={`${prefix}__tool`} type="default" size="small" onClick={() => void getTemplate()}>
            {importer.canPickFiles ? '下载模板' : '复制模板'}
          </Button>
          {importer.canPickFiles ? (
            <Button className={`${prefix}__tool`} type="default" size="small" onClick={() => void chooseFile()}>
              选择 CSV 文件
            </Button>
          ) : null}
        </View>
      </View>

      <View className={`${prefix}__section`}>
        <View className={`${prefix}__section-head`}>
          <Text className={`${prefix}__section-title`}>2. 粘贴内容</Text>
          <Text className={`${prefix}__count`}>{lines > 0 ? `${lines} 行课次` : ''}</Text>
        </View>
        {fileName ? <Text className={`${prefix}__file`}>已读取文件：{fileName}</Text> : null}
        <Textarea
          className={`${prefix}__textarea`}
          value={csv}
          maxlength={-1}
          placeholder={'第一行为表头，例如：\n' + IMPORT_COLUMNS.slice(0, 4).join(',') + ',…'}
          ariaLabel="课程表内容"
          onInput={(e) => changeText(e.detail.value)}
        />
      </View>

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

      {phase.kind !== 'imported' ? (
        <View className={`${prefix}__bar`}>
          <Button
            className={`${prefix}__bar-button`}
            type="primary"
            fill="outline"
            loading={importer.busy === 'check'}
            disabled={!!importer.busy}
            onClick={() => void check()}
          >
            先校验
          </Button>
          <Button
            className={`${prefix}__bar-button`}
            type="primary"
            loading={importer.busy === 'import'}
            disabled={!passed || !!importer.busy}
            onClick={() => void commit()}
          >
            确认导入
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function StaffImportPage() {
  return (
    <StaffGate className={prefix}>
      <Importer />
    </StaffGate>
  )
}
