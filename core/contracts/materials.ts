/**
 * Lesson materials, hosted by the `outcomes` function: files (PDF, slides, documents, sheets, images) kept
 * in cloud storage, and https links, attached by staff to a lesson. A worker with a seat sees those of
 * the lessons that have started, each file with a temporary download URL.
 *
 * A file travels straight from the staff phone to cloud storage (wx.cloud.uploadFile, under
 * `materialCloudDir(courseId)`), then `addMaterial` attaches its fileID; the server reads the file's size
 * and first bytes and refuses — deleting the upload — anything over the size limit or not one of the
 * accepted types judged by its bytes.
 */

export type MaterialKind = 'file' | 'link'
export type MaterialFileType = 'pdf' | 'ppt' | 'pptx' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'png' | 'jpeg'

export const MATERIAL_LIMITS = {
  /**
   * 20 MB: slides exported to PDF stay well below it, older workers often download on mobile data, and
   * a larger file takes minutes on a weak signal; the server never has to hold more than a file's head.
   */
  maxBytes: 20 * 1024 * 1024,
  title: { min: 1, max: 60 },
  url: 500,
  /** Every material of a course fits one database page, so a worker's list is one read. */
  perCourse: 100,
} as const

/** What each accepted type is called, for the file's label and its MIME type. */
export const MATERIAL_TYPES: Record<MaterialFileType, { label: string; mime: string }> = {
  pdf: { label: 'PDF', mime: 'application/pdf' },
  ppt: { label: 'PPT', mime: 'application/vnd.ms-powerpoint' },
  pptx: { label: 'PPT', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  doc: { label: 'Word', mime: 'application/msword' },
  docx: { label: 'Word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xls: { label: 'Excel', mime: 'application/vnd.ms-excel' },
  xlsx: { label: 'Excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  png: { label: '图片', mime: 'image/png' },
  jpeg: { label: '图片', mime: 'image/jpeg' },
}

/** File name endings the app lets staff pick (the server still judges by the bytes). */
export const MATERIAL_EXTENSIONS = ['pdf', 'ppt', 'pptx', 'doc', 'docx', 'xls', 'xlsx', 'png', 'jpg', 'jpeg'] as const

/** Where a course's material files live in cloud storage. */
export const materialCloudDir = (courseId: string) => `materials/${courseId}/`

export interface MaterialView {
  id: string
  lessonId: string
  title: string
  kind: MaterialKind
  /** A file's temporary download URL (null when storage cannot give one now), or the link. */
  url: string | null
  fileType: MaterialFileType | null
  bytes: number | null
  /** Staff only: a removal that stopped midway; removing it again finishes it. */
  removing?: boolean
  /** ISO instant. */
  createdAt: string
}

export interface LessonMaterials {
  lessonId: string
  index: number
  /** ISO instants. */
  startsAt: string
  endsAt: string
  materials: MaterialView[]
}

export type AddMaterialRequest = {
  action: 'addMaterial'
  courseId: string
  lessonId: string
  title: string
} & ({ kind: 'file'; fileID: string } | { kind: 'link'; url: string })

export interface RemoveMaterialRequest {
  action: 'removeMaterial'
  materialId: string
}

/** Staff: every lesson of the course with its materials. */
export interface ListMaterialsRequest {
  action: 'listMaterials'
  courseId: string
}

/** A seated worker: the lessons that have started, with their materials. */
export interface CourseMaterialsRequest {
  action: 'courseMaterials'
  courseId: string
}

export interface CourseMaterials {
  courseId: string
  lessons: LessonMaterials[]
  /** Lessons not started yet: their materials open when they start. */
  upcoming: number
}

export type MaterialsRequest =
  AddMaterialRequest | RemoveMaterialRequest | ListMaterialsRequest | CourseMaterialsRequest

export interface MaterialsResults {
  addMaterial: { material: MaterialView }
  /** removed is false when it was already gone (a second tap). */
  removeMaterial: { removed: boolean }
  listMaterials: CourseMaterials
  courseMaterials: CourseMaterials
}
