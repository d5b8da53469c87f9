import http from 'node:http'
import https from 'node:https'
import type { getCloud } from '../cloud'

/** What the use cases need of cloud storage: the one place that touches cloud.getTempFileURL / deleteFile. */
export interface FileStore {
  /**
   * A stored file's size and first `headBytes` bytes, or null when there is no such file. Only the
   * head travels: a function has 256 MB and seconds, and an upload may be far larger than allowed.
   */
  inspect(fileID: string, headBytes: number): Promise<{ bytes: number; head: Buffer } | null>
  /** Temporary download URLs for many files in one storage request; a file storage cannot serve is absent. */
  tempUrls(fileIDs: string[], maxAgeS: number): Promise<Map<string, string>>
  /** Deletes files; one already gone counts as deleted. Throws when storage refuses. */
  remove(fileIDs: string[]): Promise<void>
}

/** The platform's status for a file that does not exist (STORAGE_FILE_NONEXIST). */
const NO_SUCH_FILE = -503003

type TempUrlItem = { fileID: string; status: number; tempFileURL: string }

export function createFileStore(cloud: ReturnType<typeof getCloud>): FileStore {
  const tempUrls: FileStore['tempUrls'] = async (fileIDs, maxAgeS) => {
    if (fileIDs.length === 0) return new Map()
    const res = (await cloud.getTempFileURL({
      fileList: fileIDs.map((fileID) => ({ fileID, maxAge: maxAgeS })),
    })) as { fileList: TempUrlItem[] }
    return new Map(res.fileList.filter((f) => f.status === 0 && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]))
  }
  return {
    tempUrls,
    async inspect(fileID, headBytes) {
      const url = (await tempUrls([fileID], 60)).get(fileID)
      return url ? readHead(url, headBytes) : null
    },
    async remove(fileIDs) {
      if (fileIDs.length === 0) return
      const res = (await cloud.deleteFile({ fileList: fileIDs })) as { fileList: { fileID: string; status: number }[] }
      const failed = res.fileList.filter((f) => f.status !== 0 && f.status !== NO_SUCH_FILE)
      if (failed.length) throw new Error(`cloud storage did not delete ${failed.length} file(s): ${failed[0].status}`)
    },
  }
}

/**
 * Reads a file's first bytes with a Range request (COS answers 206 with the whole size in Content-Range);
 * a server ignoring the range answers 200 and is cut off after the head. Plain node http(s): the
 * functions run on Node 16, which has no global fetch.
 */
function readHead(url: string, headBytes: number): Promise<{ bytes: number; head: Buffer } | null> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http
    const req = client.get(url, { headers: { range: `bytes=0-${headBytes - 1}` }, timeout: 10_000 }, (res) => {
      const status = res.statusCode ?? 0
      if (status === 404) {
        res.resume()
        return resolve(null)
      }
      if (status === 416) {
        // An empty file has no first byte to give.
        res.resume()
        return resolve({ bytes: 0, head: Buffer.alloc(0) })
      }
      if (status !== 200 && status !== 206) {
        res.resume()
        return reject(new Error(`cloud storage answered ${status}`))
      }
      const range = /\/(\d+)$/.exec(String(res.headers['content-range'] ?? ''))
      const bytes = Number(range ? range[1] : res.headers['content-length'])
      if (!Number.isFinite(bytes)) {
        // Without a size the limit cannot be checked: refuse to guess.
        res.resume()
        return reject(new Error('cloud storage gave no file size'))
      }
      const chunks: Buffer[] = []
      let got = 0
      const done = () => resolve({ bytes, head: Buffer.concat(chunks).subarray(0, headBytes) })
      res.on('data', (c: Buffer) => {
        chunks.push(c)
        got += c.length
        if (got >= headBytes) {
          res.destroy()
          done()
        }
      })
      res.on('end', done)
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('cloud storage did not answer in time')))
    req.on('error', reject)
  })
}
