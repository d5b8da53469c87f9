/**
 * Who the demo programme's courses suit, and which industry each demo employer is in, so the catalog's
 * level and "适合我的行业" filters have something to show. Plain data, no randomness: adding it leaves the
 * seeded programme (dates, capacities, seats) exactly as before.
 */
import type { Industry, Level } from '@core/contracts/catalog'

export interface CourseFit {
  level: Level
  /** Empty: every industry. */
  industries: Industry[]
}

const FIT: Record<string, CourseFit> = {
  'DeepSeek 办公实战：写报告、做表格': { level: '入门', industries: [] },
  提示词写作入门: { level: '入门', industries: [] },
  'AI 办公：一键生成 PPT 与海报': { level: '进阶', industries: ['信息技术', '教育', '公共服务', '批发零售'] },
  'AI 助手在班组管理中的应用': { level: '实操', industries: ['制造业', '建筑业', '交通物流'] },
  无人机安全操作与法规: { level: '入门', industries: [] },
  无人机航拍入门: { level: '入门', industries: ['建筑业', '公共服务'] },
  无人机电力巡检实务: { level: '实操', industries: ['公共服务', '建筑业'] },
  跨境电商平台开店入门: { level: '入门', industries: ['电商外贸', '批发零售'] },
  海外短视频与直播带货: { level: '进阶', industries: ['电商外贸', '批发零售'] },
  '跨境物流、报关与收款': { level: '实操', industries: ['电商外贸', '交通物流'] },
  工业机器人安全与基础操作: { level: '入门', industries: ['制造业'] },
  工业机器人示教编程: { level: '进阶', industries: ['制造业'] },
  机器人日常维护与故障排查: { level: '实操', industries: ['制造业'] },
  'Excel 数据透视表速成': { level: '入门', industries: [] },
  生产数据统计与看板制作: { level: '进阶', industries: ['制造业', '交通物流'] },
  'Python 数据分析入门': { level: '进阶', industries: ['信息技术', '金融'] },
}

/** A template's level and industries; a title without an entry is an introduction for everybody. */
export function courseFit(title: string): CourseFit {
  const fit = FIT[title] ?? { level: '入门', industries: [] }
  return { level: fit.level, industries: [...fit.industries] }
}

const EMPLOYER_INDUSTRY: Record<string, Industry> = {
  杭州钱江精密机械有限公司: '制造业',
  杭州湾智能装备股份有限公司: '制造业',
  西湖区城市管理服务中心: '公共服务',
  杭州运河物流集团: '交通物流',
  萧山纺织印染有限公司: '制造业',
  滨江数字科技有限公司: '信息技术',
  杭州地铁运营分公司: '交通物流',
  余杭区社区卫生服务中心: '医疗卫生',
  杭州新材料科技有限公司: '制造业',
  拱墅区快递物流服务站: '交通物流',
}

/**
 * The demo worker's industry from their employer; every fifth worker (005, 010, …) left it out, as the
 * field is optional, so the catalog's "fill it in first" path can be tried too.
 */
export function workerIndustry(n: number, employer: string): Industry | null {
  return n % 5 === 0 ? null : (EMPLOYER_INDUSTRY[employer] ?? null)
}
