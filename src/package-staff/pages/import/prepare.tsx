import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { IMPORT_COLUMN_LABELS, IMPORT_COLUMNS } from '@core'
import { prefix } from './prefix'

export interface PrepareProps {
  /** H5 can pick and download files; the weapp copies the template to the clipboard instead. */
  canPickFiles: boolean
  onTemplate: () => Promise<void>
  onChooseFile: () => Promise<void>
}

/** Step 1: the format in a few words, the template, and (where possible) a file to read. */
export function Prepare(props: PrepareProps) {
  return (
    <View className={`${prefix}__section`}>
      <Text className={`${prefix}__section-title`}>1. 准备课程表</Text>
      <Text className={`${prefix}__text`}>
        每行一节课；同一门课程的多节课填写相同的「课程编号」。日期写作 2026-11-28，时间写作
        19:00。第一行是表头，列名用中文：
      </Text>
      <Text className={`${prefix}__columns`}>{IMPORT_COLUMNS.map((c) => IMPORT_COLUMN_LABELS[c]).join('、')}</Text>
      <Text className={`${prefix}__text`}>
        可加两列（不加也能导入）：「级别」填入门、进阶或实操，空着为入门；「适合行业」填适合的行业，多个用「、」分隔，空着为适合所有行业。英文列名（course_key、title…）也可以。
      </Text>
      <View className={`${prefix}__tools`}>
        <Button className={`${prefix}__tool`} type="default" size="small" onClick={() => void props.onTemplate()}>
          {props.canPickFiles ? '下载模板' : '复制模板'}
        </Button>
        {props.canPickFiles ? (
          <Button className={`${prefix}__tool`} type="default" size="small" onClick={() => void props.onChooseFile()}>
            选择 CSV 文件
          </Button>
        ) : null}
      </View>
    </View>
  )
}
