import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CATEGORIES } from '@core'
import { FormField } from '@/components/form-field'
import { StaffPickerField } from '../../components/staff-picker-field'
import { StateView } from '@/components/state-view'
import { useAdminCourseEditor } from '../../hooks/use-admin-course-editor'
import { toast } from '@/utils/feedback'
import { StaffGate } from '../staff-gate'
import {
  COURSE_LIMITS,
  courseFormFrom,
  emptyCourseForm,
  formKeyOf,
  newLesson,
  sortLessons,
  toCourseInput,
  validateCourseForm,
  type CourseFormErrors,
  type CourseFormValues,
  type LessonFormValues,
} from '../../lib/course-form'
import { STAFF_ROUTES } from '../../routes'
import './index.scss'

const prefix = 'xz-staff-edit'

type TextField = 'title' | 'instructor' | 'summary' | 'venueName' | 'venueAddress' | 'capacity'

function DateTimeRow(props: {
  label: string
  date: string
  time: string
  error?: string
  onDate: (v: string) => void
  onTime: (v: string) => void
}) {
  return (
    <View className={`${prefix}__dt ${props.error ? `${prefix}__dt--error` : ''}`.trim()}>
      <View className={`${prefix}__dt-row`}>
        <Text className={`${prefix}__dt-label`}>{props.label}</Text>
        <StaffPickerField
          className={`${prefix}__dt-date`}
          layout="box"
          mode="date"
          label={`${props.label}日期`}
          placeholder="选择日期"
          value={props.date}
          error={props.error}
          onChange={props.onDate}
        />
        <StaffPickerField
          className={`${prefix}__dt-time`}
          layout="box"
          mode="time"
          label={`${props.label}时间`}
          value={props.time}
          error={props.error}
          onChange={props.onTime}
        />
      </View>
      {props.error ? <Text className={`${prefix}__error`}>{props.error}</Text> : null}
    </View>
  )
}

function CourseForm({
  initial,
  saving,
  save,
}: {
  initial: CourseFormValues
  saving: boolean
  save: ReturnType<typeof useAdminCourseEditor>['save']
}) {
  const [values, setValues] = useState<CourseFormValues>(initial)
  const [errors, setErrors] = useState<CourseFormErrors>({})
  const [formError, setFormError] = useState('')
  const editing = !!initial.id

  const clear = (...keys: string[]) => {
    if (keys.some((k) => errors[k])) {
      setErrors((prev) => {
        const next = { ...prev }
        keys.forEach((k) => delete next[k])
        return next
      })
    }
  }

  const set =
    <K extends keyof CourseFormValues>(key: K, errorKey: string = key) =>
    (value: CourseFormValues[K]) => {
      setValues((prev) => ({ ...prev, [key]: value }))
      clear(errorKey)
    }

  const setLesson = (index: number, part: 'date' | 'start' | 'end') => (value: string) => {
    setValues((prev) => ({
      ...prev,
      lessons: prev.lessons.map((l, i) => (i === index ? { ...l, [part]: value } : l)),
    }))
    clear(`lessons.${index}.date`, `lessons.${index}.start`, `lessons.${index}.end`, 'closes')
  }

  const addLesson = () => {
    setValues((prev) => {
      // A new lesson usually follows the last one a week later at the same hours.
      const last = prev.lessons[prev.lessons.length - 1]
      const lesson: LessonFormValues = last
        ? newLesson({ start: last.start, end: last.end, date: nextWeek(last.date) })
        : newLesson()
      return { ...prev, lessons: [...prev.lessons, lesson] }
    })
    clear('lessons')
  }

  const removeLesson = (index: number) => {
    setValues((prev) => ({ ...prev, lessons: prev.lessons.filter((_, i) => i !== index) }))
    // Indices shift after a removal; stale lesson errors would point at the wrong row.
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !k.startsWith('lessons.'))))
  }

  const submit = async () => {
    setFormError('')
    const ordered = { ...values, lessons: sortLessons(values.lessons) }
    setValues(ordered)
    const found = validateCourseForm(ordered)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      toast('还有信息需要修改，请查看红色提示')
      return
    }
    const reply = await save(toCourseInput(ordered))
    if (!reply.ok) {
      const key = formKeyOf(reply.error.field)
      if (key) setErrors({ [key]: reply.error.message })
      else setFormError(reply.error.message)
      toast(reply.error.message)
      return
    }
    toast(editing ? '已保存' : '课程已发布', 'success')
    setTimeout(() => {
      if (editing) void Taro.navigateBack()
      else void Taro.redirectTo({ url: STAFF_ROUTES.courseManage(reply.data.courseId) })
    }, 800)
  }

  const text = (key: TextField) => ({ value: values[key], onChange: set(key), error: errors[key] })

  return (
    <View className={prefix}>
      {formError ? <View className={`${prefix}__banner`}>{formError}</View> : null}

      <View className={`${prefix}__section`}>
        <Text className={`${prefix}__section-title`}>基本信息</Text>
        <FormField
          label="课程名称"
          {...text('title')}
          placeholder="如：AI 办公助手实战"
          maxlength={COURSE_LIMITS.title}
        />
        <StaffPickerField
          label="课程类别"
          mode="selector"
          options={CATEGORIES}
          value={values.category}
          error={errors.category}
          onChange={set('category')}
        />
        <FormField
          label="授课老师"
          {...text('instructor')}
          placeholder="老师姓名"
          maxlength={COURSE_LIMITS.instructor}
        />
        <View className={`${prefix}__summary ${errors.summary ? `${prefix}__summary--error` : ''}`.trim()}>
          <View className={`${prefix}__summary-head`}>
            <Text className={`${prefix}__summary-label`}>课程简介</Text>
            <Text className={`${prefix}__count`}>
              {Array.from(values.summary).length}/{COURSE_LIMITS.summary}
            </Text>
          </View>
          <Textarea
            className={`${prefix}__textarea`}
            value={values.summary}
            maxlength={COURSE_LIMITS.summary}
            placeholder="适合人群、学习内容、需要携带的物品"
            ariaLabel="课程简介"
            onInput={(e) => set('summary')(e.detail.value)}
          />
          {errors.summary ? <Text className={`${prefix}__error`}>{errors.summary}</Text> : null}
        </View>
      </View>

      <View className={`${prefix}__section`}>
        <Text className={`${prefix}__section-title`}>上课地点</Text>
        <FormField
          label="地点名称"
          {...text('venueName')}
          placeholder="如：市职工服务中心"
          maxlength={COURSE_LIMITS.venueName}
        />
        <FormField
          label="详细地址"
          {...text('venueAddress')}
          placeholder="街道门牌与楼层"
          maxlength={COURSE_LIMITS.venueAddress}
        />
      </View>

      <View className={`${prefix}__section`}>
        <Text className={`${prefix}__section-title`}>报名设置</Text>
        <FormField
          label="名额"
          type="number"
          {...text('capacity')}
          placeholder={`${COURSE_LIMITS.capacity.min}–${COURSE_LIMITS.capacity.max}`}
          maxlength={3}
          hint={editing ? '不能少于已报名人数；增加后将按顺序通知候补' : ''}
        />
        <DateTimeRow
          label="报名开始"
          date={values.opensDate}
          time={values.opensTime}
          error={errors.opens}
          onDate={set('opensDate', 'opens')}
          onTime={set('opensTime', 'opens')}
        />
        <DateTimeRow
          label="报名截止"
          date={values.closesDate}
          time={values.closesTime}
          error={errors.closes}
          onDate={set('closesDate', 'closes')}
          onTime={set('closesTime', 'closes')}
        />
      </View>

      <View className={`${prefix}__section`}>
        <View className={`${prefix}__section-head`}>
          <Text className={`${prefix}__section-title`}>课次安排</Text>
          <Text className={`${prefix}__count`}>共 {values.lessons.length} 课 · 上海时间</Text>
        </View>
        {values.lessons.map((lesson, i) => {
          const err = errors[`lessons.${i}.date`] || errors[`lessons.${i}.start`] || errors[`lessons.${i}.end`]
          return (
            <View key={lesson.key} className={`${prefix}__lesson`}>
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
                <StaffPickerField
                  className={`${prefix}__lesson-time`}
                  layout="box"
                  mode="time"
                  label={`第 ${i + 1} 课上课时间`}
                  value={lesson.start}
                  error={errors[`lessons.${i}.start`]}
                  onChange={setLesson(i, 'start')}
                />
                <Text className={`${prefix}__lesson-to`}>至</Text>
                <StaffPickerField
                  className={`${prefix}__lesson-time`}
                  layout="box"
                  mode="time"
                  label={`第 ${i + 1} 课下课时间`}
                  value={lesson.end}
                  error={errors[`lessons.${i}.end`]}
                  onChange={setLesson(i, 'end')}
                />
              </View>
              {err ? <Text className={`${prefix}__error ${prefix}__error--lesson`}>{err}</Text> : null}
              {lesson.venue ? <Text className={`${prefix}__lesson-venue`}>地点：{lesson.venue.name}</Text> : null}
            </View>
          )
        })}
        {errors.lessons ? <Text className={`${prefix}__error ${prefix}__error--lesson`}>{errors.lessons}</Text> : null}
        <View className={`${prefix}__add`} hoverClass={`${prefix}__add--pressed`} onClick={addLesson}>
          ＋ 添加一节课
        </View>
      </View>

      <View className={`${prefix}__bar`}>
        <Button
          className={`${prefix}__submit`}
          type="primary"
          size="large"
          block
          loading={saving}
          disabled={saving}
          onClick={() => void submit()}
        >
          {editing ? '保存修改' : '发布课程'}
        </Button>
      </View>
    </View>
  )
}

function nextWeek(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return ''
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 7)
  return d.toISOString().slice(0, 10)
}

function Editor({ courseId }: { courseId: string | undefined }) {
  const editor = useAdminCourseEditor(courseId)
  const [initial, setInitial] = useState<CourseFormValues | null>(courseId ? null : emptyCourseForm)

  useEffect(() => {
    if (editor.course) setInitial(courseFormFrom(editor.course))
  }, [editor.course])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: courseId ? '编辑课程' : '新建课程' })
  }, [courseId])

  if (editor.status === 'error') {
    return (
      <View className={prefix}>
        <StateView status="error" title={editor.error?.message ?? '加载失败'} onAction={() => void editor.reload()} />
      </View>
    )
  }
  if (editor.status === 'loading' || !initial) {
    return (
      <View className={prefix}>
        <StateView status="loading" skeletonCount={3} />
      </View>
    )
  }
  if (editor.course?.enrollState === 'cancelled') {
    return (
      <View className={prefix}>
        <StateView
          status="error"
          title="课程已取消，不能修改"
          actionText="返回"
          onAction={() => void Taro.navigateBack()}
        />
      </View>
    )
  }
  return <CourseForm key={initial.id ?? 'new'} initial={initial} saving={editor.saving} save={editor.save} />
}

export default function StaffCourseEditPage() {
  const { params } = useRouter()
  return (
    <StaffGate className={prefix}>
      <Editor courseId={params.id || undefined} />
    </StaffGate>
  )
}
