export const prefix = 'xz-wishes'
