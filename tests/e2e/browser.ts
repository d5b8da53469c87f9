/**
 * Which browser the journeys drive: CHROME_PATH when set, else Chromium, Chrome or Edge where each
 * operating system installs them. playwright-core brings no browser of its own, so a laptop without
 * one gets a single line saying what to install.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge']

function candidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome']
    apps.push('Microsoft Edge.app/Contents/MacOS/Microsoft Edge')
    return ['/Applications', path.join(os.homedir(), 'Applications')].flatMap((dir) =>
      apps.map((a) => path.join(dir, a)),
    )
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((r): r is string => !!r)
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe']
    return roots.flatMap((root) => exes.map((exe) => path.win32.join(root, exe)))
  }
  const onPath = (env.PATH ?? '').split(path.delimiter).flatMap((dir) => NAMES_ON_PATH.map((n) => path.join(dir, n)))
  return ['/usr/bin/chromium', '/snap/bin/chromium', '/opt/google/chrome/chrome', ...onPath]
}

export const INSTALL_HINT =
  'No Chromium, Chrome or Edge found for the browser tests: install one (Debian/Ubuntu: sudo apt-get install ' +
  'chromium fonts-noto-cjk; macOS: brew install --cask chromium, or Google Chrome; Windows: Edge is built in) ' +
  'or set CHROME_PATH to its executable.'

export function findBrowser(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
  exists: (file: string) => boolean = fs.existsSync,
): string {
  if (env.CHROME_PATH) {
    if (exists(env.CHROME_PATH)) return env.CHROME_PATH
    throw new Error(`CHROME_PATH=${env.CHROME_PATH} does not exist. ${INSTALL_HINT}`)
  }
  const found = candidates(platform, env).find((file) => exists(file))
  if (!found) throw new Error(INSTALL_HINT)
  return found
}
