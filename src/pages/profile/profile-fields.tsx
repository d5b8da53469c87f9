import { Button as TaroButton, Text, View } from '@tarojs/components'
import { INDUSTRIES } from '@core'
import { ChipSelect } from '@/components/chip-select'
import { FormField } from '@/components/form-field'
import type { ProfileFormState } from '@/hooks/use-profile-form'
import type { ProfileField } from '@/utils/profile-form'

const prefix = 'xz-profile'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** What ties a field to the form: its name, value, change handler and error. */
const fieldProps = (form: ProfileFormState, field: ProfileField) => ({
  name: field,
  value: form.values[field],
  onChange: form.setField(field),
  error: form.errors[field],
})

/** Name, phone (typed, or WeChat's own number in the weapp), employer and the optional member number. */
export function ProfileFields({ form }: { form: ProfileFormState }) {
  const { phoneCode } = form
  return (
    <>
      <FormField label="姓名" {...fieldProps(form, 'name')} placeholder="请输入真实姓名" maxlength={20} />
      <FormField
        label="手机号"
        {...fieldProps(form, 'phone')}
        type="number"
        placeholder={phoneCode ? '已使用微信手机号' : '请输入 11 位手机号'}
        maxlength={11}
        hint={phoneCode ? '已获取微信绑定的手机号，也可在上方手动填写' : ''}
        extra={
          isWeapp ? (
            <TaroButton
              className={`${prefix}__phone-button`}
              openType="getPhoneNumber"
              onGetPhoneNumber={(e: { detail: { code?: string } }) => form.onPhoneCode(e.detail.code)}
            >
              {phoneCode ? '已授权' : '微信手机号'}
            </TaroButton>
          ) : null
        }
      />
      <FormField label="工作单位" {...fieldProps(form, 'employer')} placeholder="如：市建工集团" maxlength={40} />
      <FormField
        label="工会会员号"
        {...fieldProps(form, 'memberNo')}
        optional
        placeholder="工会会员号"
        maxlength={30}
      />
      <IndustryField form={form} />
    </>
  )
}

/** 所在行业, optional: one chip at most, a tap on the chosen one clears it. */
function IndustryField({ form }: { form: ProfileFormState }) {
  const chosen = form.values.industry
  const set = form.setField('industry')
  const error = form.errors.industry
  return (
    <View className={`${prefix}__industry ${error ? `${prefix}__industry--error` : ''}`.trim()}>
      <View className={`${prefix}__industry-head`}>
        <Text className={`${prefix}__industry-label`}>所在行业</Text>
        <Text className={`${prefix}__industry-optional`}>选填</Text>
      </View>
      <Text className={`${prefix}__industry-hint`}>选好后，课程列表可以只看适合您行业的课程；再点一次可取消</Text>
      <ChipSelect options={INDUSTRIES} selected={chosen ? [chosen] : []} onToggle={(o) => set(o === chosen ? '' : o)} />
      {error ? <Text className={`${prefix}__industry-error`}>{error}</Text> : null}
    </View>
  )
}
