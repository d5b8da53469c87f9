/** The course page's class prefix, shared by the sections it is built from. */
export const prefix = 'xz-staff-manage'
