import { Text, View } from '@tarojs/components'
import { MATERIAL_TYPES, type MaterialView } from '@core/contracts/materials'
import { formatBytes } from '@core/rules/material-file'
import './index.scss'

export interface MaterialItemProps {
  material: MaterialView
  /** 下载 / 打开 in the browser, 打开 for a file in WeChat, 复制链接 for a link in WeChat. */
  actionText: string
  busy?: boolean
  onOpen: () => void
}

const prefix = 'xz-material-item'

/** The colour family of a type's badge. */
function tone(material: MaterialView): string {
  if (material.kind === 'link') return 'link'
  switch (material.fileType) {
    case 'pdf':
      return 'pdf'
    case 'ppt':
    case 'pptx':
      return 'ppt'
    case 'doc':
    case 'docx':
      return 'doc'
    case 'xls':
    case 'xlsx':
      return 'xls'
    default:
      return 'img'
  }
}

/** One file or link: its kind at a glance, its name, its size, and one large button. */
export function MaterialItem({ material, actionText, busy = false, onOpen }: MaterialItemProps) {
  const label = material.kind === 'link' ? '链接' : material.fileType ? MATERIAL_TYPES[material.fileType].label : '文件'
  const detail =
    material.kind === 'link'
      ? (material.url ?? '').replace(/^https:\/\//, '')
      : `${label}${material.bytes !== null ? ` · ${formatBytes(material.bytes)}` : ''}`
  return (
    <View className={prefix}>
      <Text className={`${prefix}__badge ${prefix}__badge--${tone(material)}`}>{label}</Text>
      <View className={`${prefix}__body`}>
        <Text className={`${prefix}__title`}>{material.title}</Text>
        <Text className={`${prefix}__detail`}>{detail}</Text>
      </View>
      <View
        className={`${prefix}__action ${busy ? `${prefix}__action--busy` : ''}`.trim()}
        hoverClass={`${prefix}__action--pressed`}
        ariaRole="button"
        ariaLabel={`${actionText}：${material.title}`}
        onClick={() => !busy && onOpen()}
      >
        {busy ? '下载中…' : actionText}
      </View>
    </View>
  )
}
