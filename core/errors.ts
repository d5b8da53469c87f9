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
  'USER.HAS_ACTIVE_ENROLLMENTS': '您还有报名中、候补或待确认的课程，请先在「我的课程」中取消后再删除个人信息',
  'CATALOG.NOT_FOUND': '课程不存在或已下线',
  'ENROLL.FULL': '名额已满，可以加入候补，有人退出时按顺序递补',
  'ENROLL.WAITLIST_FULL': '名额已满，候补人数也已满，请关注其他课程',
  'ENROLL.NOT_OPEN': '报名尚未开始，请在开放时间后再来',
  'ENROLL.CLOSED': '报名已截止',
  'ENROLL.COURSE_CANCELLED': '该课程已取消',
  'ENROLL.ALREADY': '您已报名（或正在候补）这门课程',
  'ENROLL.LIMIT_REACHED': '同一时间最多可报名 3 门课程（含候补），请先完成或取消其他课程',
  'ENROLL.PROFILE_INCOMPLETE': '请先完善个人信息并同意个人信息保护说明',
  'ENROLL.SUSPENDED': '因多次报名后未到课，暂时不能报名新课程',
  'ENROLL.BUSY': '报名人数太多，请稍后再试',
  'ENROLL.NOT_FOUND': '您没有报名这门课程',
  'CANCEL.TOO_LATE': '已过取消截止时间，如不能参加请联系工会工作人员',
  'CANCEL.NOT_ACTIVE': '该报名已取消或已失效',
  'OFFER.EXPIRED': '保留名额已过期，名额已递补给下一位',
  'OFFER.NONE': '您当前没有待确认的名额',
  'CHECKIN.BAD_CODE': '这不是本课程的签到码，请扫描现场大屏上的二维码',
  'CHECKIN.EXPIRED': '签到码已更新，请重新扫描现场大屏上的最新二维码',
  'CHECKIN.NOT_OPEN': '签到尚未开始，开课前 30 分钟开放签到',
  'CHECKIN.CLOSED': '本节课已结束，签到已关闭，如有疑问请联系现场工作人员',
  'CHECKIN.NOT_ENROLLED': '您没有报名这门课程，无法签到',
  'CHECKIN.NOT_FOUND': '课程或课次不存在',
  'ADMIN.CAPACITY_BELOW_TAKEN': '名额不能少于已报名人数',
  'ADMIN.BAD_COURSE': '课程信息不完整或有误，请检查后重试',
  'ADMIN.COURSE_CANCELLED': '课程已取消，不能修改',
  'ADMIN.IMPORT_INVALID': '导入文件有错误，未导入任何课程',
  'ADMIN.BAD_CAPACITY': '名额应为 1–500 之间的整数',
  'ADMIN.BAD_REASON': '请填写取消原因（2–100 个字），将通知已报名的职工',
  'ADMIN.BUSY': '正有职工在报名，课程名额变动频繁，请稍后重试',
  'ADMIN.IMPORT_TOO_LARGE': '导入文件过大：每次最多 500 行、90 KB，请拆分后分批导入',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[]
