import { useState } from 'react'
import { INDUSTRIES, type Industry } from '@core'
import {
  newLesson,
  nextWeek,
  sortLessons,
  validateCourseForm,
  type CourseFormErrors,
  type CourseFormValues,
  type LessonFormValues,
} from '../lib/course-form'

export type LessonPart = 'date' | 'start' | 'end'

/** The course form's values and errors; each edit clears the errors it can have fixed. */
export function useCourseForm(initial: CourseFormValues) {
  const [values, setValues] = useState<CourseFormValues>(initial)
  const [errors, setErrors] = useState<CourseFormErrors>({})

  const clear = (...keys: string[]) => {
    if (!keys.some((k) => errors[k])) return
    setErrors((prev) => {
      const next = { ...prev }
      keys.forEach((k) => delete next[k])
      return next
    })
  }

  const set =
    <K extends keyof CourseFormValues>(key: K, errorKey: string = key) =>
    (value: CourseFormValues[K]) => {
      setValues((prev) => ({ ...prev, [key]: value }))
      clear(errorKey)
    }

  const setLesson = (index: number, part: LessonPart) => (value: string) => {
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

  /** Adds the industry to the course's list or takes it out; the list keeps INDUSTRIES' order. */
  const toggleIndustry = (industry: Industry) => {
    setValues((prev) => {
      const on = prev.industries.includes(industry)
      return { ...prev, industries: INDUSTRIES.filter((i) => (i === industry ? !on : prev.industries.includes(i))) }
    })
    clear('industries')
  }

  const removeLesson = (index: number) => {
    setValues((prev) => ({ ...prev, lessons: prev.lessons.filter((_, i) => i !== index) }))
    // Indices shift after a removal; stale lesson errors would point at the wrong row.
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !k.startsWith('lessons.'))))
  }

  /** Puts the lessons in order and checks everything; the ordered values when valid, otherwise null. */
  const validate = (): CourseFormValues | null => {
    const ordered = { ...values, lessons: sortLessons(values.lessons) }
    setValues(ordered)
    const found = validateCourseForm(ordered)
    setErrors(found)
    return Object.keys(found).length > 0 ? null : ordered
  }

  return { values, errors, setErrors, set, setLesson, addLesson, removeLesson, toggleIndustry, validate }
}

export type CourseFormState = ReturnType<typeof useCourseForm>
