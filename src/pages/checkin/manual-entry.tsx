import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CHECKIN_DIGITS, formatTimeRange, type MyCheckinLesson } from '@core'

const prefix = 'xz-checkin'

export interface ManualEntryProps {
  typed: string
  onTyped: (text: string) => void
  /** The input is open (always in H5, on request in the weapp). */
  typing: boolean
  /** The only way in (no scanner): the submit button is the main one. */
  primary: boolean
  onType: () => void
  /** Today's lessons with a seat: the 6 digits are for one of them. */
  lessons: MyCheckinLesson[]
  lessonsLoading: boolean
  onCode: (code: string) => void
  onDigits: (lessonId: string, digits: string) => void
}

/**
 * Typing instead of scanning: the 6 digits under the code on the screen (with the phone's position),
 * or — for the H5 demo — the long code itself. With several lessons today the worker picks one.
 */
export function ManualEntry(props: ManualEntryProps) {
  const { typed, onTyped, typing, primary, onType, lessons, lessonsLoading } = props
  const [picked, setPicked] = useState<string | null>(null)
  // The screen prints codes in groups for reading aloud; spaces are not part of them.
  const code = typed.replace(/\s+/g, '')
  const isDigits = CHECKIN_DIGITS.test(code)
  const open = lessons.filter((l) => !l.checkedIn)
  const lessonId = open.length === 1 ? open[0].lesson.lessonId : picked
  if (!typing) {
    return (
      <View
        className={`${prefix}__switch`}
        hoverClass={`${prefix}__switch--pressed`}
        ariaRole="button"
        onClick={onType}
      >
        扫不了？输入 6 位数字码
      </View>
    )
  }
  const noLesson = isDigits && !lessonsLoading && open.length === 0
  const submit = () => {
    if (!isDigits) props.onCode(code)
    else if (lessonId) props.onDigits(lessonId, code)
  }
  return (
    <View className={`${prefix}__manual`}>
      <Text className={`${prefix}__manual-label`}>输入数字签到码</Text>
      <View className={`${prefix}__input-box`}>
        <Input
          className={`${prefix}__input ${prefix}__input--digits`}
          value={typed}
          maxlength={64}
          placeholder="大屏上的 6 位数字"
          ariaLabel="签到码"
          onInput={(e) => onTyped(e.detail.value)}
        />
      </View>
      {isDigits && open.length > 1 ? (
        <View className={`${prefix}__lessons`} ariaRole="radiogroup" ariaLabel="选择课程">
          {open.map((l) => (
            <View
              key={l.lesson.lessonId}
              className={`${prefix}__lesson ${picked === l.lesson.lessonId ? `${prefix}__lesson--on` : ''}`.trim()}
              ariaRole="radio"
              ariaLabel={`${l.lesson.courseTitle}${picked === l.lesson.lessonId ? '（已选）' : ''}`}
              onClick={() => setPicked(l.lesson.lessonId)}
            >
              <Text className={`${prefix}__lesson-title`}>{l.lesson.courseTitle}</Text>
              <Text className={`${prefix}__lesson-time`}>
                {formatTimeRange(l.lesson.startsAt, l.lesson.endsAt)} · {l.lesson.venueName}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {noLesson ? <Text className={`${prefix}__hint`}>您今天没有要签到的课，请核对课程时间</Text> : null}
      <Button
        className={`${prefix}__submit`}
        type={primary ? 'primary' : 'default'}
        size="large"
        block
        disabled={!code || (isDigits && !lessonId)}
        onClick={submit}
      >
        签到
      </Button>
      <Text className={`${prefix}__hint`}>数字码每分钟更换，输入时需要确认您在上课现场</Text>
    </View>
  )
}
