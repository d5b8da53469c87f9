/** The lesson-materials page's class prefix, shared by the parts it is built from. */
export const prefix = 'xz-staff-materials'
