import { Text, View } from '@tarojs/components'
import { MATERIAL_TYPES, type MaterialView } from '@core/contracts/materials'
import { formatBytes } from '@core/rules/material-file'
import { prefix } from './prefix'

export interface MaterialRowProps {
  material: MaterialView
  removing: boolean
  onPreview: () => void
  onRemove: () => void
}

/** One material as staff see it: kind, name, size or address, 查看 and 删除. */
export function MaterialRow({ material: m, removing, onPreview, onRemove }: MaterialRowProps) {
  const label = m.kind === 'link' ? '链接' : m.fileType ? MATERIAL_TYPES[m.fileType].label : '文件'
  const detail = m.kind === 'link' ? (m.url ?? '') : m.bytes !== null ? `${label} · ${formatBytes(m.bytes)}` : label
  return (
    <View className={`${prefix}__item`}>
      <Text className={`${prefix}__badge`}>{label}</Text>
      <View className={`${prefix}__item-body`}>
        <Text className={`${prefix}__item-title`}>{m.title}</Text>
        <Text className={`${prefix}__item-detail`}>{m.removing ? '上次删除没有完成，请再删除一次' : detail}</Text>
      </View>
      {m.kind === 'file' && m.url && !m.removing ? (
        <View
          className={`${prefix}__pill`}
          hoverClass={`${prefix}__pill--pressed`}
          ariaRole="button"
          ariaLabel={`查看：${m.title}`}
          onClick={onPreview}
        >
          查看
        </View>
      ) : null}
      <View
        className={`${prefix}__pill ${prefix}__pill--danger`}
        hoverClass={`${prefix}__pill--pressed`}
        ariaRole="button"
        ariaLabel={`删除：${m.title}`}
        onClick={() => !removing && onRemove()}
      >
        {removing ? '删除中' : '删除'}
      </View>
    </View>
  )
}
