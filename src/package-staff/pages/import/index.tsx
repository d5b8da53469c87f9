import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { ERROR_MESSAGES, IMPORT_COLUMN_LABELS, IMPORT_COLUMNS, IMPORT_LIMITS } from '@core'
import { useAdminImport } from '../../hooks/use-admin-import'
import { alert, confirm, toast } from '@/utils/feedback'
import { StaffGate } from '../staff-gate'
import { countDataLines, utf8Bytes } from '../../lib/import-template'
import { ImportBar, ImportResult } from './results'
import { Prepare } from './prepare'
import { prefix } from './prefix'
import './index.scss'

const PLACEHOLDER = `第一行为表头，例如：\n${IMPORT_COLUMNS.slice(0, 4)
  .map((c) => IMPORT_COLUMN_LABELS[c])
  .join(',')},…`

function tooLarge(csv: string): boolean {
  return utf8Bytes(csv) > IMPORT_LIMITS.bytes || countDataLines(csv) > IMPORT_LIMITS.rows
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
      <Prepare canPickFiles={importer.canPickFiles} onTemplate={getTemplate} onChooseFile={chooseFile} />

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
          placeholder={PLACEHOLDER}
          ariaLabel="课程表内容"
          onInput={(e) => changeText(e.detail.value)}
        />
      </View>

      <ImportResult phase={phase} />

      {phase.kind !== 'imported' ? (
        <ImportBar busy={importer.busy} passed={passed} onCheck={check} onCommit={commit} />
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
