/** The course editor's class prefix, shared by the sections it is built from. */
export const prefix = 'xz-staff-edit'
