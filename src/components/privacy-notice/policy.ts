/**
 * What remains after 注销账号, word for word as the user function implements it. The notice and the
 * deletion dialog both show it, so a worker reads the same promise in both places.
 */
export const AFTER_DELETION =
  '姓名、手机号、单位、会员号、行业立即删除；报名、提醒和订阅记录删除；签到记录去除身份后仅用于项目统计；' +
  '未到课次数与暂停报名期限（不含任何个人信息）保留至到期（最长60天），以免注销后重新报名绕过规则。'
