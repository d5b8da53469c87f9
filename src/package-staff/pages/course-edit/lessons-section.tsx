import { Text, View } from '@tarojs/components'
import { StaffPickerField } from '../../components/staff-picker-field'
import type { CourseFormState } from '../../hooks/use-course-form'
import type { LessonFormValues } from '../../lib/course-form'
import { prefix } from './prefix'

export type LessonsSectionProps = Pick<CourseFormState, 'errors' | 'setLesson' | 'addLesson' | 'removeLesson'> & {
  lessons: LessonFormValues[]
}

/** 课次安排: one row per lesson (date, start, end), in Shanghai time, with add and remove. */
export function LessonsSection({ lessons, errors, addLesson, ...rest }: LessonsSectionProps) {
  return (
    <View className={`${prefix}__section`}>
      <View className={`${prefix}__section-head`}>
        <Text className={`${prefix}__section-title`}>课次安排</Text>
        <Text className={`${prefix}__count`}>共 {lessons.length} 课 · 北京时间</Text>
      </View>
      {lessons.map((lesson, i) => (
        <LessonRow key={lesson.key} lesson={lesson} index={i} errors={errors} {...rest} />
      ))}
      {errors.lessons ? <Text className={`${prefix}__error ${prefix}__error--lesson`}>{errors.lessons}</Text> : null}
      <View className={`${prefix}__add`} hoverClass={`${prefix}__add--pressed`} onClick={addLesson}>
        ＋ 添加一节课
      </View>
    </View>
  )
}

type LessonRowProps = Pick<CourseFormState, 'errors' | 'setLesson' | 'removeLesson'> & {
  lesson: LessonFormValues
  index: number
}

function LessonRow({ lesson, index: i, errors, setLesson, removeLesson }: LessonRowProps) {
  const err = errors[`lessons.${i}.date`] || errors[`lessons.${i}.start`] || errors[`lessons.${i}.end`]
  const time = (part: 'start' | 'end', label: string) => (
    <StaffPickerField
      className={`${prefix}__lesson-time`}
      layout="box"
      mode="time"
      label={`第 ${i + 1} 课${label}`}
      value={lesson[part]}
      error={errors[`lessons.${i}.${part}`]}
      onChange={setLesson(i, part)}
    />
  )
  return (
    <View className={`${prefix}__lesson`}>
      <View className={`${prefix}__lesson-row`}>
        <Text className={`${prefix}__lesson-no`}>第 {i + 1} 课</Text>
        <StaffPickerField
          className={`${prefix}__lesson-date`}
          layout="box"
          mode="date"
          label={`第 ${i + 1} 课日期`}
          placeholder="选择日期"
          value={lesson.date}
          error={errors[`lessons.${i}.date`]}
          onChange={setLesson(i, 'date')}
        />
        <View
          className={`${prefix}__lesson-remove`}
          hoverClass={`${prefix}__lesson-remove--pressed`}
          ariaRole="button"
          ariaLabel={`删除第 ${i + 1} 课`}
          onClick={() => removeLesson(i)}
        >
          删除
        </View>
      </View>
      <View className={`${prefix}__lesson-row ${prefix}__lesson-row--times`}>
        {time('start', '上课时间')}
        <Text className={`${prefix}__lesson-to`}>至</Text>
        {time('end', '下课时间')}
      </View>
      {err ? <Text className={`${prefix}__error ${prefix}__error--lesson`}>{err}</Text> : null}
      {lesson.venue ? <Text className={`${prefix}__lesson-venue`}>地点：{lesson.venue.name}</Text> : null}
    </View>
  )
}
