import type { getCloud } from '../cloud'

/** Draws the mini-program code that opens `page` with `scene`, for WeChat's camera to scan. */
export interface CodeImages {
  draw(page: string, scene: string): Promise<Buffer>
}

export function createCodeImages(cloud: ReturnType<typeof getCloud>): CodeImages {
  return {
    async draw(page, scene) {
      const res = (await cloud.openapi.wxacode.getUnlimited({
        scene,
        page,
        width: 430,
        // The page exists in every release; check_path would refuse codes for a trial version.
        checkPath: false,
      })) as { buffer: Buffer }
      return res.buffer
    },
  }
}
