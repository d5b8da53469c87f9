import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { CATEGORIES, INDUSTRIES, LEVELS, type Industry } from '@core'
import { ChipSelect } from '@/components/chip-select'
import { FormField } from '@/components/form-field'
import { SaveButton } from '@/components/save-button'
import { toast } from '@/utils/feedback'
import { StaffPickerField } from '../../components/staff-picker-field'
import type { useAdminCourseEditor } from '../../hooks/use-admin-course-editor'
import { useCourseForm, type CourseFormState } from '../../hooks/use-course-form'
import { COURSE_LIMITS, formKeyOf, toCourseInput, type CourseFormValues } from '../../lib/course-form'
import { changeNoticeText, changeNotifies } from '../../lib/course-change'
import { STAFF_ROUTES } from '../../routes'
import { DateTimeRow } from './date-time-row'
import { LessonsSection } from './lessons-section'
import { PresenceSection } from './presence-section'
import { prefix } from './prefix'

type TextField = 'title' | 'instructor' | 'summary' | 'venueName' | 'venueAddress' | 'capacity'

export interface CourseFormProps {
  initial: CourseFormValues
  saving: boolean
  save: ReturnType<typeof useAdminCourseEditor>['save']
  /** The course's seat holders and waitlist, who are told of a change in time or place; absent for a new course. */
  audience?: { seatsTaken: number; waitlistLength: number } | null
}

/** The whole course, new or edited: checked here first, then by the server; errors land on their fields. */
export function CourseForm({ initial, saving, save, audience }: CourseFormProps) {
  const form = useCourseForm(initial)
  const [formError, setFormError] = useState('')
  const editing = !!initial.id
  // Said before the tap, only when this edit is one workers are told of.
  const notice =
    editing && audience && changeNotifies(initial, form.values, Date.now()) ? changeNoticeText(audience) : null

  const submit = async () => {
    setFormError('')
    const ordered = form.validate()
    if (!ordered) {
      toast('还有信息需要修改，请查看红色提示')
      return
    }
    const reply = await save(toCourseInput(ordered))
    if (!reply.ok) {
      const key = formKeyOf(reply.error.field)
      if (key) form.setErrors({ [key]: reply.error.message })
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

  return (
    <View className={`${prefix} ${notice ? `${prefix}--notice` : ''}`.trim()}>
      {formError ? <View className={`${prefix}__banner`}>{formError}</View> : null}
      <BasicSection form={form} />
      <FitSection form={form} />
      <VenueSection form={form} />
      <PresenceSection form={form} />
      <EnrollSection form={form} editing={editing} />
      <LessonsSection lessons={form.values.lessons} {...form} />
      <View className={`${prefix}__bar ${notice ? `${prefix}__bar--notice` : ''}`.trim()}>
        {notice ? <Text className={`${prefix}__notice`}>{notice}</Text> : null}
        <SaveButton className={`${prefix}__submit`} saving={saving} onSave={() => void submit()}>
          {editing ? '保存修改' : '发布课程'}
        </SaveButton>
      </View>
    </View>
  )
}

const textProps = (form: CourseFormState, key: TextField) => ({
  value: form.values[key],
  onChange: form.set(key),
  error: form.errors[key],
})

/** The enrolment window's two ends, each a date and a time sharing one error. */
const dateTimeProps = (form: CourseFormState, end: 'opens' | 'closes') => ({
  date: form.values[`${end}Date`],
  time: form.values[`${end}Time`],
  error: form.errors[end],
  onDate: form.set(`${end}Date`, end),
  onTime: form.set(`${end}Time`, end),
})

/** The plain one-line fields: label, example and length limit, so a section names only which it shows. */
const LINE_FIELDS = {
  // Room past the limit: a long title is refused with its count (42/40), never cut off silently.
  title: { label: '课程名称', placeholder: '如：AI 办公助手实战', maxlength: COURSE_LIMITS.title * 2 },
  instructor: { label: '授课老师', placeholder: '老师姓名', maxlength: COURSE_LIMITS.instructor },
  venueName: { label: '地点名称', placeholder: '如：市职工服务中心', maxlength: COURSE_LIMITS.venueName },
  venueAddress: { label: '详细地址', placeholder: '街道门牌与楼层', maxlength: COURSE_LIMITS.venueAddress },
} as const

function LineField({ form, field }: { form: CourseFormState; field: keyof typeof LINE_FIELDS }) {
  return <FormField {...LINE_FIELDS[field]} {...textProps(form, field)} />
}

/** The title with its count; over the limit it says so at once, in red, with the count. */
function TitleField({ form }: { form: CourseFormState }) {
  const n = Array.from(form.values.title.trim()).length
  const max = COURSE_LIMITS.title
  const over = n > max ? `课程名称最多 ${max} 个字，请删减 ${n - max} 个字（${n}/${max}）` : ''
  return (
    <FormField
      {...LINE_FIELDS.title}
      {...textProps(form, 'title')}
      error={over || form.errors.title}
      hint={n > 0 ? `${n}/${max}` : ''}
    />
  )
}

function BasicSection({ form }: { form: CourseFormState }) {
  const { values, errors, set } = form
  return (
    <View className={`${prefix}__section`}>
      <Text className={`${prefix}__section-title`}>基本信息</Text>
      <TitleField form={form} />
      <StaffPickerField
        label="课程类别"
        mode="selector"
        options={CATEGORIES}
        value={values.category}
        error={errors.category}
        onChange={set('category')}
      />
      <LineField form={form} field="instructor" />
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
  )
}

/** Who the course is for: its level, and the industries it suits (none chosen: every industry). */
function FitSection({ form }: { form: CourseFormState }) {
  const { values, errors, set, toggleIndustry } = form
  const industries = values.industries
  return (
    <View className={`${prefix}__section`}>
      <Text className={`${prefix}__section-title`}>难度与适合行业</Text>
      <StaffPickerField
        label="课程难度"
        mode="selector"
        options={LEVELS}
        value={values.level}
        error={errors.level}
        onChange={set('level') as (value: string) => void}
      />
      <View className={`${prefix}__industries`}>
        <View className={`${prefix}__summary-head`}>
          <Text className={`${prefix}__summary-label`}>适合行业</Text>
          <Text className={`${prefix}__count`}>
            {industries.length === 0 ? '不选即适合所有行业' : `已选 ${industries.length} 个`}
          </Text>
        </View>
        <ChipSelect
          options={INDUSTRIES}
          selected={industries}
          onToggle={(industry) => toggleIndustry(industry as Industry)}
        />
        {errors.industries ? <Text className={`${prefix}__error`}>{errors.industries}</Text> : null}
      </View>
    </View>
  )
}

function VenueSection({ form }: { form: CourseFormState }) {
  return (
    <View className={`${prefix}__section`}>
      <Text className={`${prefix}__section-title`}>上课地点</Text>
      <LineField form={form} field="venueName" />
      <LineField form={form} field="venueAddress" />
    </View>
  )
}

function EnrollSection({ form, editing }: { form: CourseFormState; editing: boolean }) {
  return (
    <View className={`${prefix}__section`}>
      <Text className={`${prefix}__section-title`}>报名设置</Text>
      <FormField
        label="名额"
        type="number"
        {...textProps(form, 'capacity')}
        placeholder={`${COURSE_LIMITS.capacity.min}–${COURSE_LIMITS.capacity.max}`}
        maxlength={3}
        hint={editing ? '不能少于已报名人数；增加后将按顺序通知候补' : ''}
      />
      <DateTimeRow label="报名开始" {...dateTimeProps(form, 'opens')} />
      <DateTimeRow label="报名截止" {...dateTimeProps(form, 'closes')} />
    </View>
  )
}
