import { Button as TaroButton } from '@tarojs/components'
import { FormField } from '@/components/form-field'
import type { ProfileFormState } from '@/hooks/use-profile-form'

const prefix = 'xz-profile'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** Name, phone (typed, or WeChat's own number in the weapp), employer and the optional member number. */
export function ProfileFields({ form }: { form: ProfileFormState }) {
  const { values, errors, phoneCode, setField } = form
  return (
    <>
      <FormField
        label="姓名"
        name="name"
        value={values.name}
        onChange={setField('name')}
        placeholder="请输入真实姓名"
        maxlength={20}
        error={errors.name}
      />
      <FormField
        label="手机号"
        name="phone"
        type="number"
        value={values.phone}
        onChange={setField('phone')}
        placeholder={phoneCode ? '已使用微信手机号' : '请输入 11 位手机号'}
        maxlength={11}
        error={errors.phone}
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
      <FormField
        label="工作单位"
        name="employer"
        value={values.employer}
        onChange={setField('employer')}
        placeholder="如：市建工集团"
        maxlength={40}
        error={errors.employer}
      />
      <FormField
        label="工会会员号"
        name="memberNo"
        optional
        value={values.memberNo}
        onChange={setField('memberNo')}
        placeholder="工会会员号"
        maxlength={30}
        error={errors.memberNo}
      />
    </>
  )
}
