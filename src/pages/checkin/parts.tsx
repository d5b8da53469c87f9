import { Text, View } from '@tarojs/components'

const prefix = 'xz-checkin'

/** A drawn viewfinder (no image to download) above the page's title. */
export function CheckinHero() {
  return (
    <View className={`${prefix}__hero`}>
      <View className={`${prefix}__icon`}>
        <View className={`${prefix}__corner ${prefix}__corner--tl`} />
        <View className={`${prefix}__corner ${prefix}__corner--tr`} />
        <View className={`${prefix}__corner ${prefix}__corner--bl`} />
        <View className={`${prefix}__corner ${prefix}__corner--br`} />
        <View className={`${prefix}__scanline`} />
      </View>
      <Text className={`${prefix}__title`}>课堂签到</Text>
      <Text className={`${prefix}__sub`}>请扫描上课现场大屏上的签到码</Text>
    </View>
  )
}

export function CheckinTips() {
  return (
    <View className={`${prefix}__tips`}>
      <Text className={`${prefix}__tip`}>· 签到时会确认您在上课地点附近，请允许获取位置</Text>
      <Text className={`${prefix}__tip`}>· 签到码每 15 秒更换一次，请扫描现场大屏，截图无效</Text>
      <Text className={`${prefix}__tip`}>· 开课前 30 分钟开放签到，下课后关闭</Text>
      <Text className={`${prefix}__tip`}>· 手机没电或无法定位，请找现场工作人员扫码或补签</Text>
    </View>
  )
}

/** Finding the phone's position, then waiting for the server: one spinner, one line saying which. */
export function CheckinBusy({ text }: { text: string }) {
  return (
    <View className={prefix}>
      <View className={`${prefix}__checking`} ariaLabel={text}>
        <View className={`${prefix}__spinner`} />
        <Text className={`${prefix}__checking-text`}>{text}</Text>
      </View>
    </View>
  )
}
