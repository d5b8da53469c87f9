import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { LocateFailure } from '@/hooks/use-checkin'

const prefix = 'xz-checkin-help'

export interface LocationHelpProps {
  /** Why the phone gave no position, if it gave none. */
  located?: LocateFailure
  /** The weapp can open its settings page; the browser cannot. */
  canOpenSettings: boolean
  onOpenSettings: () => void
  onShowPass: () => void
}

/**
 * Under a refusal about where the phone is: how to allow location, and the way in that needs none —
 * the worker's own code, scanned by staff at the door (反扫).
 */
export function LocationHelp({ located, canOpenSettings, onOpenSettings, onShowPass }: LocationHelpProps) {
  return (
    <View className={prefix}>
      {located === 'denied' ? (
        <View className={`${prefix}__box`}>
          <Text className={`${prefix}__title`}>没有获得位置权限</Text>
          <Text className={`${prefix}__text`}>
            {canOpenSettings
              ? '请点下方「去设置」，打开「位置信息」后返回重新签到；手机的定位服务（GPS）也需要打开。'
              : '请在浏览器地址栏左侧的图标中，允许本网页获取您的位置，然后重新签到。'}
          </Text>
          {canOpenSettings ? (
            <Button className={`${prefix}__button`} type="default" size="large" block onClick={onOpenSettings}>
              去设置
            </Button>
          ) : null}
        </View>
      ) : null}
      {located === 'unavailable' ? (
        <View className={`${prefix}__box`}>
          <Text className={`${prefix}__title`}>没能获取到位置</Text>
          <Text className={`${prefix}__text`}>请打开手机的定位服务（GPS），到窗边或室外信号好的地方再试。</Text>
        </View>
      ) : null}
      <View className={`${prefix}__box`}>
        <Text className={`${prefix}__title`}>不方便定位？</Text>
        <Text className={`${prefix}__text`}>打开您的签到码，请门口的工作人员扫一下，同样算签到。</Text>
        <Button className={`${prefix}__button`} type="primary" size="large" block onClick={onShowPass}>
          出示我的签到码
        </Button>
      </View>
    </View>
  )
}
