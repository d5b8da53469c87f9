import { Text, View } from '@tarojs/components'
import { PRESENCE_RULES } from '@core'
import { ChipSelect } from '@/components/chip-select'
import { FormField } from '@/components/form-field'
import type { CourseFormState } from '../../hooks/use-course-form'
import { venuePoint } from '../../lib/course-form'
import { prefix } from './prefix'

const MODES = ['定位签到', '不核对位置'] as const

/**
 * 签到方式: where the venue has coordinates, a check-in also needs the phone inside the fence (a code sent
 * to a friend at home proves nothing). Staff turn it off for an online class; without coordinates it is
 * off by itself. Coordinates are GCJ-02 (腾讯地图 / WeChat's map picker), the system phones report in.
 */
export function PresenceSection({ form }: { form: CourseFormState }) {
  const { values, errors, set } = form
  const located = venuePoint(values) !== null
  const on = values.presence === 'location'
  return (
    <View className={`${prefix}__section`}>
      <Text className={`${prefix}__section-title`}>签到方式</Text>
      <ChipSelect
        options={MODES}
        selected={[on ? MODES[0] : MODES[1]]}
        onToggle={(m) => set('presence')(m === MODES[0] ? 'location' : 'none')}
      />
      <FormField
        label="地点纬度"
        optional
        value={values.venueLat}
        onChange={set('venueLat')}
        error={errors.venueLat}
        placeholder="如 30.2847"
        maxlength={12}
      />
      <FormField
        label="地点经度"
        optional
        value={values.venueLng}
        onChange={set('venueLng', 'venueLat')}
        placeholder="如 120.1613"
        maxlength={12}
        hint="在腾讯地图中搜索地点，长按取点即可看到坐标"
      />
      {on ? (
        <FormField
          label="签到范围（米）"
          type="number"
          value={values.checkinRadius}
          onChange={set('checkinRadius')}
          error={errors.checkinRadius}
          placeholder={String(PRESENCE_RULES.defaultRadiusM)}
          maxlength={4}
          hint={`职工手机需在上课地点 ${values.checkinRadius || PRESENCE_RULES.defaultRadiusM} 米内才能扫码签到`}
        />
      ) : null}
      <Text className={`${prefix}__presence-note`}>
        {on
          ? located
            ? '签到时核对位置；职工也可出示个人签到码，由工作人员扫码签到'
            : '未填写坐标时签到不核对位置，只凭现场签到码'
          : '签到只凭现场签到码，不核对位置（适合线上课）'}
      </Text>
    </View>
  )
}
