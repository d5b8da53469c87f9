export const prefix = 'xz-staff-wishes'
