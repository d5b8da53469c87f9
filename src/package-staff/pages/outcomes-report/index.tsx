import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { inShanghai, type EmployerFigures, type ProgrammeOutcomes, type UnmetDemand } from '@core'
import { StateView } from '@/components/state-view'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { useProgrammeOutcomes } from '../../hooks/use-programme-outcomes'
import { useWorkbookExport } from '../../hooks/use-workbook-export'
import { StaffGate } from '../staff-gate'
import './index.scss'

const prefix = 'xz-staff-report'
const EMPLOYERS_SHOWN = 30

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—')

function Employers({ list }: { list: EmployerFigures[] }) {
  return (
    <View className={`${prefix}__section`}>
      <Text className={`${prefix}__title`}>各单位参与情况</Text>
      <Text className={`${prefix}__note`}>按报名职工数排序：报名 / 登记职工、签到人次、结业证书</Text>
      {list.slice(0, EMPLOYERS_SHOWN).map((e) => (
        <View key={e.employer} className={`${prefix}__item`} ariaLabel={e.employer}>
          <Text className={`${prefix}__name`}>{e.employer}</Text>
          <Text className={`${prefix}__meta`}>
            报名 {e.reached} / {e.workers} 人（{pct(e.reached, e.workers)}）· 签到 {e.checkIns} 人次 · 证书{' '}
            {e.certificates} 张
          </Text>
        </View>
      ))}
      {list.length > EMPLOYERS_SHOWN ? (
        <Text className={`${prefix}__more`}>另有 {list.length - EMPLOYERS_SHOWN} 个单位，见 Excel 报表「单位」表</Text>
      ) : null}
    </View>
  )
}

function Unmet({ list }: { list: UnmetDemand[] }) {
  return (
    <View className={`${prefix}__section`}>
      <Text className={`${prefix}__title`}>未满足的需求</Text>
      <Text className={`${prefix}__note`}>名额已满仍在候补、或保留名额过期未能入座的职工：可考虑加开班次</Text>
      {list.length === 0 ? <Text className={`${prefix}__none`}>暂无：每门课的报名需求都已满足</Text> : null}
      {list.map((u) => (
        <View key={u.courseId} className={`${prefix}__item`} ariaLabel={u.title}>
          <Text className={`${prefix}__name`}>{u.title}</Text>
          <Text className={`${prefix}__meta`}>
            {u.category} · 名额 {u.capacity} · 候补 {u.waitlisted} 人
            {u.expiredOffers ? ` · 保留名额过期 ${u.expiredOffers} 人` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

function Figures({ data }: { data: ProgrammeOutcomes }) {
  return (
    <>
      <Text className={`${prefix}__asof`}>
        数据更新于 {inShanghai(data.asOf).format('M月D日 HH:mm')}，每 30 分钟更新，下拉可立即刷新
      </Text>
      <View className={`${prefix}__figures`}>
        <View className={`${prefix}__figure`}>
          <Text className={`${prefix}__num`}>
            {data.rating.average === null ? '—' : data.rating.average.toFixed(1)}
          </Text>
          <Text className={`${prefix}__label`}>平均评分</Text>
          <Text className={`${prefix}__label`}>{data.rating.count} 人评价</Text>
        </View>
        <View className={`${prefix}__figure`}>
          <Text className={`${prefix}__num`}>{data.certificates}</Text>
          <Text className={`${prefix}__label`}>已发结业证书</Text>
        </View>
      </View>
    </>
  )
}

function Report() {
  const { data, status, error, reload, refresh } = useProgrammeOutcomes()
  usePullRefresh(refresh)
  const exporter = useWorkbookExport()
  return (
    <View className={prefix}>
      <View className={`${prefix}__export`}>
        <Button
          type="primary"
          size="large"
          block
          loading={exporter.busy}
          onClick={() => void exporter.exportProgramme()}
        >
          下载项目报表（Excel）
        </Button>
        <Text className={`${prefix}__note`}>按课程、分类、单位、日期汇总报名、到课、结业与评价；每次导出都会记录</Text>
      </View>
      {status === 'loading' ? <StateView status="loading" skeletonCount={2} /> : null}
      {status === 'error' ? (
        <StateView status="error" title={error?.message ?? '加载失败'} onAction={() => void reload()} />
      ) : null}
      {status === 'ready' && data ? (
        <>
          <Figures data={data} />
          <Unmet list={data.unmet} />
          <Employers list={data.employers} />
        </>
      ) : null}
    </View>
  )
}

export default function StaffReportPage() {
  return (
    <StaffGate className={prefix}>
      <Report />
    </StaffGate>
  )
}
