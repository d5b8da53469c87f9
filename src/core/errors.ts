/**
 * Stable error codes shared by the functions and the app. The message is written for a worker: it says
 * what happened and what to do next, without jargon, because the app shows it as is.
 */
export const ERROR_MESSAGES = {
  'COMMON.UNKNOWN_ACTION': '暂不支持该操作，请更新小程序后重试',
  'COMMON.BAD_REQUEST': '提交的信息有误，请检查后重试',
  'COMMON.UNAUTHENTICATED': '未能识别您的微信身份，请重新进入小程序',
  'COMMON.INTERNAL': '系统繁忙，请稍后再试',
  'AUTH.FORBIDDEN': '该功能仅限工会工作人员使用',
  'USER.CONSENT_REQUIRED': '请先阅读并同意《个人信息保护说明》',
  'USER.CONSENT_OUTDATED': '个人信息保护说明已更新，请重新阅读并同意',
  'USER.BAD_NAME': '请填写 2–20 个字的真实姓名',
  'USER.BAD_PHONE': '请填写正确的 11 位手机号码',
  'USER.BAD_EMPLOYER': '请填写工作单位（2–40 个字）',
  'USER.BAD_MEMBER_NO': '工会会员号应为 4–30 位字母或数字',
  'USER.PHONE_CODE_INVALID': '手机号授权已失效，请重新获取或手动填写',
  'USER.NOT_REGISTERED': '请先完善个人信息',
  'CATALOG.NOT_FOUND': '课程不存在或已下线',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[]
