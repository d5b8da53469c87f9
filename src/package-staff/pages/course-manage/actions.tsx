import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CourseDetail } from '@core'
import { STAFF_ROUTES } from '../../routes'
import { seatFigures } from './header'
import { prefix } from './prefix'

function Row(props: { title: string; note?: string; onClick: () => void; disabled?: boolean }) {
  return (
    <View
      className={`${prefix}__row ${props.disabled ? `${prefix}__row--disabled` : ''}`.trim()}
      hoverClass={props.disabled ? 'none' : `${prefix}__row--pressed`}
      ariaRole="button"
      ariaLabel={props.title}
      onClick={() => !props.disabled && props.onClick()}
    >
      <Text className={`${prefix}__row-title`}>{props.title}</Text>
      <Text className={`${prefix}__row-note`}>{props.note ?? ''}</Text>
      <Text className={`${prefix}__row-arrow`}>›</Text>
    </View>
  )
}

/** What staff do with a course; changes are closed once it is cancelled, the roster stays open. */
export function Actions(props: { course: CourseDetail; cancelled: boolean; onCapacity: () => void }) {
  const { course, cancelled } = props
  const { enrolled, offered } = seatFigures(course)
  const figures = [`已报名 ${enrolled}`, offered > 0 ? `待确认 ${offered}` : '', `候补 ${course.waitlistLength}`]
  return (
    <View className={`${prefix}__group`}>
      <Row title="调整名额" note={`当前 ${course.capacity} 个`} onClick={props.onCapacity} disabled={cancelled} />
      <Row
        title="编辑课程"
        note="名称、地点、时间、课次"
        onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.courseEdit(course.id) })}
        disabled={cancelled}
      />
      <Row
        title="查看名单"
        note={cancelled ? '取消时的报名和候补' : figures.filter(Boolean).join(' · ')}
        onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.roster(course.id) })}
      />
    </View>
  )
}
