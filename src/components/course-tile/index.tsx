import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { CourseCard, ListedCourse } from '@core'
import { CourseHead } from '../course-head'

/** What every course tile in a list takes: the workers' catalog card and the staff row alike. */
export interface CourseTileProps {
  course: CourseCard | ListedCourse
  onOpen?: (courseId: string) => void
  className?: string
}

interface TileFrameProps extends CourseTileProps {
  /** The tile's own class prefix; the frame adds `--pressed`, `__top` and `__title` to it. */
  block: string
  children: ReactNode
}

/** The part both tiles share: a tappable frame that opens the course, its head line and its title. */
export function CourseTileFrame({ course, onOpen, className = '', block, children }: TileFrameProps) {
  return (
    <View
      className={`${block} ${className}`.trim()}
      hoverClass={`${block}--pressed`}
      onClick={() => onOpen?.(course.id)}
      ariaRole="link"
      ariaLabel={course.title}
    >
      <CourseHead className={`${block}__top`} course={course} />
      <Text className={`${block}__title`}>{course.title}</Text>
      {children}
    </View>
  )
}
