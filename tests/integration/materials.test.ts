/**
 * Lesson materials through the bundled `outcomes` function on the local cloud, storage included: staff
 * attach files (judged by their bytes and size, refused uploads deleted) and links; a seated worker
 * gets those of started lessons with working download URLs; removal survives a crash between its steps.
 */
import { COLLECTIONS } from '../../server/collections'
import type { LocalCloud } from '../../local-cloud'
import type { CourseMaterials, MaterialView } from '@core/contracts/materials'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { seedFinishedCourse, seedWorkers } from '../helpers/outcomes-fixture'

const STAFF = 'o_staff_materials'
const [SEATED, WAITING, STRANGER] = ['o_mat_seated', 'o_mat_waiting', 'o_mat_stranger']
const HOUR = 3600_000
const MB = 1024 * 1024

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 1)])
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 2)])
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 3)])
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 4)])

/**
 * Course m1: lesson 1 started yesterday, lessons 2 and 3 still to come (daily, 2 h each); SEATED holds a
 * seat, WAITING waits. Course m2: one lesson, so a lesson of m2 is "another course's" for m1.
 */
function seed() {
  cloud.store.clear()
  seedWorkers(cloud.store, [SEATED, WAITING, STRANGER], PINNED_NOW)
  cloud.store.insert(COLLECTIONS.users, [{ _id: STAFF, role: 'staff', name: '王芳', consent: {} }])
  seedFinishedCourse(cloud.store, {
    courseId: 'm1',
    lessons: 3,
    lastEndsAt: new Date(PINNED_NOW.getTime() + 36 * HOUR),
    attendance: { [SEATED]: [] },
    capacity: 5,
  })
  cloud.store.insert(COLLECTIONS.enrollments, [
    { _id: `m1_${WAITING}`, courseId: 'm1', openid: WAITING, status: 'waitlisted', offerExpiresAt: null },
  ])
  seedFinishedCourse(cloud.store, {
    courseId: 'm2',
    lessons: 1,
    lastEndsAt: new Date(PINNED_NOW.getTime() + 48 * HOUR),
    attendance: { [SEATED]: [] },
  })
}

/** What the app does: the file goes to storage first (wx.cloud.uploadFile), then its fileID is attached. */
const upload = (name: string, bytes: Buffer, courseId = 'm1') =>
  cloud.storage.put(`materials/${courseId}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${name}`, bytes)

const attachFile = (fileID: string, title = '课件', lessonId = 'm1_l1', as = STAFF) =>
  callAs<{ material: MaterialView }>(cloud, as, 'outcomes', 'addMaterial', {
    courseId: 'm1',
    lessonId,
    title,
    kind: 'file',
    fileID,
  })
const attachLink = (url: string, title = '参考网站', lessonId = 'm1_l1', as = STAFF) =>
  callAs<{ material: MaterialView }>(cloud, as, 'outcomes', 'addMaterial', {
    courseId: 'm1',
    lessonId,
    title,
    kind: 'link',
    url,
  })
const workerList = (openid = SEATED, courseId = 'm1') =>
  callAs<CourseMaterials>(cloud, openid, 'outcomes', 'courseMaterials', { courseId })
const staffList = () => callAs<CourseMaterials>(cloud, STAFF, 'outcomes', 'listMaterials', { courseId: 'm1' })
const stored = () => cloud.store.count(COLLECTIONS.materials, {})

it('a seated worker gets the files and links of started lessons, with a URL that serves the file', async () => {
  seed()
  pinClock()
  const pdf = upload('讲义.pdf', PDF)
  expect(await attachFile(pdf, '第一课讲义')).toMatchObject({
    ok: true,
    data: { material: { title: '第一课讲义', kind: 'file', fileType: 'pdf', bytes: PDF.length } },
  })
  expect(await attachLink('https://example.com/ai', '课程网站')).toMatchObject({ ok: true })
  expect(await attachFile(upload('later.pdf', PDF), '第二课讲义', 'm1_l2')).toMatchObject({ ok: true })

  const { reply, stats } = await cloud.callWithStats<{ ok: true; data: CourseMaterials }>(
    'outcomes',
    { action: 'courseMaterials', courseId: 'm1' },
    { OPENID: SEATED, SOURCE: 'wx_client' },
  )
  expect(reply?.data.upcoming).toBe(2)
  expect(reply?.data.lessons.map((l) => l.lessonId)).toEqual(['m1_l1'])
  const [file, link] = reply!.data.lessons[0].materials
  expect(link).toMatchObject({ kind: 'link', url: 'https://example.com/ai', title: '课程网站' })
  expect(JSON.stringify(reply)).not.toContain(pdf)
  expect(JSON.stringify(reply)).not.toContain(STAFF)
  const res = await fetch(file.url!)
  expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true)
  // The budget the README states: three database reads and one storage request.
  expect(stats.requests).toBe(3)
  expect(stats.writes).toBe(0)
  expect(stats.byAction['storage.batchGetDownloadUrl']).toBe(1)

  // Once lesson 2 has started its handout appears.
  pinClock(new Date(PINNED_NOW.getTime() + 11 * HOUR))
  const later = await workerList()
  expect(later.ok && later.data.lessons.map((l) => l.materials.length)).toEqual([2, 1])
})

it('refuses a worker without a seat: waiting, or no record at all; before any start a seated worker sees nothing', async () => {
  seed()
  pinClock()
  await attachFile(upload('a.pdf', PDF))
  for (const openid of [WAITING, STRANGER]) {
    expect(await workerList(openid)).toMatchObject({ ok: false, error: { code: 'MATERIAL.NOT_SEATED' } })
  }
  pinClock(new Date(PINNED_NOW.getTime() - 30 * HOUR))
  expect(await workerList()).toMatchObject({ ok: true, data: { lessons: [], upcoming: 3 } })
})

it('judges a file by its bytes: a PNG named .pdf is a PNG, an executable named .pdf is refused and deleted', async () => {
  seed()
  pinClock()
  expect(await attachFile(upload('photo.pdf', PNG))).toMatchObject({
    ok: true,
    data: { material: { fileType: 'png' } },
  })
  expect(await attachFile(upload('slides.pptx', ZIP))).toMatchObject({
    ok: true,
    data: { material: { fileType: 'pptx' } },
  })
  for (const [name, bytes] of [
    ['virus.pdf', EXE],
    ['archive.zip', ZIP],
  ] as const) {
    const fileID = upload(name, bytes)
    expect(await attachFile(fileID)).toMatchObject({ ok: false, error: { code: 'MATERIAL.BAD_TYPE' } })
    expect(cloud.storage.exists(fileID)).toBe(false)
  }
  expect(stored()).toBe(2)
})

it('takes a file of exactly 20 MB and refuses, deleting it, one byte more', async () => {
  seed()
  pinClock()
  const limit = Buffer.concat([PDF, Buffer.alloc(20 * MB - PDF.length)])
  expect(await attachFile(upload('big.pdf', limit))).toMatchObject({ ok: true, data: { material: { bytes: 20 * MB } } })
  const over = upload('bigger.pdf', Buffer.concat([limit, Buffer.alloc(1)]))
  expect(await attachFile(over)).toMatchObject({ ok: false, error: { code: 'MATERIAL.TOO_LARGE' } })
  expect(cloud.storage.exists(over)).toBe(false)
  expect(stored()).toBe(1)
})

it('refuses bad requests with a clear code and writes nothing', async () => {
  seed()
  pinClock()
  const refusedUploads = [upload('a.pdf', PDF), upload('b.pdf', PDF), upload('c.pdf', PDF)]
  const otherCourse = upload('x.pdf', PDF, 'm2')
  const cases: [() => Promise<unknown>, string][] = [
    [() => attachLink('http://example.com'), 'MATERIAL.BAD_LINK'],
    [() => attachLink('javascript:alert(1)'), 'MATERIAL.BAD_LINK'],
    [() => attachLink('https://'), 'MATERIAL.BAD_LINK'],
    [() => attachLink('https://example.com', '   '), 'MATERIAL.BAD_TITLE'],
    [() => attachFile(refusedUploads[0], '讲'.repeat(61)), 'MATERIAL.BAD_TITLE'],
    [() => attachFile(refusedUploads[1], '讲义', 'm2_l1'), 'MATERIAL.LESSON_NOT_FOUND'],
    [() => attachFile(refusedUploads[2], '讲义', 'm1_l9'), 'MATERIAL.LESSON_NOT_FOUND'],
    [() => attachFile(otherCourse), 'COMMON.BAD_REQUEST'],
    [() => attachFile(upload('gone.pdf', PDF).replace('gone', 'none')), 'MATERIAL.FILE_MISSING'],
  ]
  for (const [call, code] of cases) expect(await call()).toMatchObject({ ok: false, error: { code } })
  expect(stored()).toBe(0)
  // Nothing will ever point at a refused upload again: it is deleted, unless it lies outside the course's folder.
  for (const fileID of refusedUploads) expect(cloud.storage.exists(fileID)).toBe(false)
  expect(cloud.storage.exists(otherCourse)).toBe(true)
})

it('a refusal never deletes a file that backs a material', async () => {
  seed()
  pinClock()
  const fileID = upload('a.pdf', PDF)
  expect(await attachFile(fileID)).toMatchObject({ ok: true })
  expect(await attachFile(fileID, '讲义', 'm1_l9')).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } })
  expect(await attachFile(fileID, '讲'.repeat(61))).toMatchObject({ ok: true })
  expect(cloud.storage.exists(fileID)).toBe(true)
})

it('refuses every staff action to a worker, seated or not, before doing anything', async () => {
  seed()
  pinClock()
  const fileID = upload('a.pdf', PDF)
  const added = await attachFile(fileID)
  const id = added.ok ? added.data.material.id : ''
  for (const reply of [
    attachFile(upload('b.pdf', PDF), '讲义', 'm1_l1', SEATED),
    attachLink('https://example.com', '网站', 'm1_l1', SEATED),
    callAs(cloud, SEATED, 'outcomes', 'removeMaterial', { materialId: id }),
    callAs(cloud, SEATED, 'outcomes', 'listMaterials', { courseId: 'm1' }),
  ]) {
    expect(await reply).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  }
  expect(stored()).toBe(1)
  expect(cloud.storage.exists(fileID)).toBe(true)
})

it('attaching the same file or link twice gives one material; one upload cannot back two lessons', async () => {
  seed()
  pinClock()
  const fileID = upload('a.pdf', PDF)
  const [a, b] = await Promise.all([attachFile(fileID), attachFile(fileID)])
  expect(a.ok && b.ok && a.data.material.id === b.data.material.id).toBe(true)
  await attachLink('https://example.com/x')
  await attachLink('https://example.com/x')
  expect(stored()).toBe(2)
  expect(await attachFile(fileID, '讲义', 'm1_l2')).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } })
  const list = await staffList()
  expect(list.ok && list.data.lessons.map((l) => l.materials.length)).toEqual([2, 0, 0])
})

it('a removal cut short after any step is hidden from workers and finished by the next removal', async () => {
  let markedSeen = 0
  for (let crashAfter = 1; ; crashAfter++) {
    seed()
    pinClock()
    const fileID = upload('a.pdf', PDF)
    const added = await attachFile(fileID)
    const materialId = added.ok ? added.data.material.id : ''
    const cut = await cloud.callWithStats(
      'outcomes',
      { action: 'removeMaterial', materialId },
      { OPENID: STAFF, SOURCE: 'wx_client' },
      { faults: { crashAfter } },
    )
    if (!cut.died) {
      expect(cut.reply).toMatchObject({ ok: true, data: { removed: true } })
      expect(crashAfter).toBeGreaterThan(3)
      break
    }
    const left = cloud.store.find(COLLECTIONS.materials, { _id: materialId })
    if (left.length && left[0].removingAt) {
      markedSeen++
      expect(cloud.storage.exists(fileID)).toBe(true)
      // Marked: gone for workers at once, while staff see it as being removed; the file is still there.
      const worker = await workerList()
      expect(worker.ok && worker.data.lessons[0].materials).toEqual([])
      const staff = await staffList()
      expect(staff.ok && staff.data.lessons[0].materials[0]).toMatchObject({ id: materialId, removing: true })
    }
    expect(await callAs(cloud, STAFF, 'outcomes', 'removeMaterial', { materialId })).toMatchObject({ ok: true })
    expect(cloud.store.count(COLLECTIONS.materials, {})).toBe(0)
    expect(cloud.storage.exists(fileID)).toBe(false)
  }
  // Crashing right after the mark (the 3rd request, after the staff check and the read) was tried.
  expect(markedSeen).toBe(1)
})

it('a removal whose record deletion fails after the file is gone is finished by the next one', async () => {
  seed()
  pinClock()
  const fileID = upload('a.pdf', PDF)
  const added = await attachFile(fileID)
  const materialId = added.ok ? added.data.material.id : ''
  const event = { action: 'removeMaterial', materialId }
  const errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const first = await cloud.call('outcomes', event, { OPENID: STAFF, SOURCE: 'wx_client' }, { faults: { failAt: 4 } })
  expect(first).toMatchObject({ ok: false, error: { code: 'COMMON.INTERNAL' } })
  errorLog.mockRestore()
  expect(cloud.storage.exists(fileID)).toBe(false)
  expect(cloud.store.find(COLLECTIONS.materials, { _id: materialId })[0]).toMatchObject({ removingAt: PINNED_NOW })
  expect(await callAs(cloud, STAFF, 'outcomes', 'removeMaterial', { materialId })).toMatchObject({
    ok: true,
    data: { removed: true },
  })
  expect(stored()).toBe(0)
  expect(await callAs(cloud, STAFF, 'outcomes', 'removeMaterial', { materialId })).toMatchObject({
    ok: true,
    data: { removed: false },
  })
})

it('the outcomes timer finishes a removal left marked once it is older than any running call', async () => {
  seed()
  pinClock()
  const fileID = upload('a.pdf', PDF)
  const added = await attachFile(fileID)
  const materialId = added.ok ? added.data.material.id : ''
  const cut = await cloud.callWithStats(
    'outcomes',
    { action: 'removeMaterial', materialId },
    { OPENID: STAFF, SOURCE: 'wx_client' },
    { faults: { crashAfter: 3 } },
  )
  expect(cut.died).not.toBeNull()
  const fire = () =>
    cloud.call<{ ok: true; data: { materialsRemoved: number } }>(
      'outcomes',
      { Type: 'Timer' },
      { SOURCE: 'wx_trigger' },
    )
  // A minute later the call might still be running: left alone.
  pinClock(new Date(PINNED_NOW.getTime() + 60_000))
  expect((await fire()).data.materialsRemoved).toBe(0)
  expect(cloud.storage.exists(fileID)).toBe(true)
  pinClock(new Date(PINNED_NOW.getTime() + 3 * 60_000))
  expect((await fire()).data.materialsRemoved).toBe(1)
  expect(cloud.storage.exists(fileID)).toBe(false)
  expect(stored()).toBe(0)
})
