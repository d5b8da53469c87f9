/** Deterministic ids: one certificate and one evaluation per worker per course, by construction. */
export const certificateId = (courseId: string, openid: string) => `${courseId}_${openid}`
export const evaluationId = (courseId: string, openid: string) => `${courseId}_${openid}`
