import { Text, View } from '@tarojs/components'
import { formatLessonTime, type ImportPreviewCourse } from '@core'
import { prefix } from './prefix'

/** What the import will create, one row per course, checked by staff before 确认导入. */
export function PreviewTable({ courses }: { courses: ImportPreviewCourse[] }) {
  return (
    <View className={`${prefix}__preview`} ariaRole="table" ariaLabel="将创建的课程">
      <View className={`${prefix}__pr ${prefix}__pr--head`} ariaRole="row">
        <Text className={`${prefix}__pc ${prefix}__pc--course`}>课程</Text>
        <Text className={`${prefix}__pc ${prefix}__pc--when`}>首次上课</Text>
        <Text className={`${prefix}__pc ${prefix}__pc--num`}>课次</Text>
        <Text className={`${prefix}__pc ${prefix}__pc--num`}>名额</Text>
      </View>
      {courses.map((c, i) => (
        <View key={`${c.title}-${i}`} className={`${prefix}__pr`} ariaRole="row" ariaLabel={c.title}>
          <View className={`${prefix}__pc ${prefix}__pc--course`}>
            <Text className={`${prefix}__pc-title`}>{c.title}</Text>
            <Text className={`${prefix}__pc-meta`}>
              {c.category} · {c.instructor} · {c.venueName}
            </Text>
            {c.alreadyImported ? <Text className={`${prefix}__pc-done`}>此前已导入，不变</Text> : null}
          </View>
          <Text className={`${prefix}__pc ${prefix}__pc--when`}>{formatLessonTime(c.firstLessonAt)}</Text>
          <Text className={`${prefix}__pc ${prefix}__pc--num`}>{c.lessonCount}</Text>
          <Text className={`${prefix}__pc ${prefix}__pc--num`}>{c.capacity}</Text>
        </View>
      ))}
    </View>
  )
}
