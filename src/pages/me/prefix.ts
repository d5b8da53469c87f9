/** The 我的 page's class prefix, shared by the sections it is built from. */
export const prefix = 'xz-me'
