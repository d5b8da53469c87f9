import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RosterResult } from '@core'
import { prefix } from './prefix'

export interface RosterHeadProps {
  header: Pick<RosterResult, 'title' | 'capacity' | 'seatsTaken' | 'waitlistLength' | 'cancelled'>
  exporting: boolean
  onExport: () => void
}

/** The course's seats and waitlist, and the export (a CSV download in H5, the clipboard in the weapp). */
export function RosterHead({ header, exporting, onExport }: RosterHeadProps) {
  return (
    <View className={`${prefix}__head`}>
      <Text className={`${prefix}__title`}>{header.title}</Text>
      <View className={`${prefix}__head-row`}>
        {header.cancelled ? (
          <Text className={`${prefix}__cancelled-tag`}>已取消</Text>
        ) : (
          <View className={`${prefix}__stats`}>
            <View className={`${prefix}__stat`}>
              <Text className={`${prefix}__stat-num`}>
                {header.seatsTaken}
                <Text className={`${prefix}__stat-of`}> / {header.capacity}</Text>
              </Text>
              <Text className={`${prefix}__stat-label`}>已占名额</Text>
            </View>
            <View className={`${prefix}__stat`}>
              <Text className={`${prefix}__stat-num`}>{header.waitlistLength}</Text>
              <Text className={`${prefix}__stat-label`}>候补</Text>
            </View>
          </View>
        )}
        <Button
          className={`${prefix}__export`}
          type="primary"
          fill="outline"
          size="small"
          loading={exporting}
          disabled={exporting}
          onClick={() => void onExport()}
        >
          {process.env.TARO_ENV === 'h5' ? '导出 CSV' : '复制名单'}
        </Button>
      </View>
    </View>
  )
}
