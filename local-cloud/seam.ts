/**
 * Where the real wx-server-sdk is redirected. The SDK wraps @cloudbase/node-sdk, whose
 * `tcbapirequester.request()` carries every database, openapi, storage and function call, and whose
 * callers look it up on the module's exports at call time. Replacing that export, resolved from the
 * SDK's own folder, sends everything to the local cloud in-process without touching the SDK's code.
 * If a different SDK version moves the seam, we stop at once rather than let calls reach the network.
 */
import path from 'node:path'
import { currentIdentity } from './context'

export const PINNED_SDK_VERSION = '4.0.2'

export interface TransportArgs {
  params: Record<string, unknown> & { action: string }
}
export type Transport = (args: TransportArgs) => Promise<unknown>

let installed: Transport | null = null
let current: Transport | null = null

function sdkDir(): string {
  return path.dirname(require.resolve('wx-server-sdk/package.json'))
}

export function loadSdk(): typeof import('wx-server-sdk') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('wx-server-sdk')
}

/**
 * Checks that the installed SDK is the version whose seam was verified and that the requester module
 * still exports request(); otherwise the local cloud must not start, or calls would reach the network.
 */
export function verifySeam(
  version: string,
  requesterPath: string | null,
  requester: { request?: unknown } | null,
): { request?: unknown } {
  if (version !== PINNED_SDK_VERSION) {
    throw new Error(
      `local cloud: wx-server-sdk ${version} is installed, but the transport seam was verified on ` +
        `${PINNED_SDK_VERSION}. Pin wx-server-sdk to ${PINNED_SDK_VERSION} or re-check local-cloud/seam.ts.`,
    )
  }
  if (!requesterPath || !requester) {
    throw new Error(
      'local cloud: @cloudbase/node-sdk/dist/utils/tcbapirequester.js was not found next to wx-server-sdk; ' +
        'the transport seam has moved, so the local cloud cannot run.',
    )
  }
  if (typeof requester.request !== 'function') {
    throw new Error(`local cloud: ${requesterPath} no longer exports request(); the transport seam has moved.`)
  }
  return requester
}

/** Points every SDK request in this process at `transport` (replacing any earlier local cloud). */
export function installTransport(transport: Transport): void {
  current = transport
  if (installed) return
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version = (require(path.join(sdkDir(), 'package.json')) as { version: string }).version
  let requesterPath: string | null = null
  try {
    requesterPath = require.resolve('@cloudbase/node-sdk/dist/utils/tcbapirequester.js', { paths: [sdkDir()] })
  } catch {
    requesterPath = null
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const requester = verifySeam(version, requesterPath, requesterPath ? require(requesterPath) : null)
  const hook: Transport = (args) => {
    if (!current) return Promise.reject(new Error('local cloud: no transport installed'))
    return current(args)
  }
  requester.request = hook

  const sdk = loadSdk() as unknown as { getWXContext: () => unknown }
  const descriptor = Object.getOwnPropertyDescriptor(sdk, 'getWXContext')
  if (!descriptor?.writable) throw new Error('local cloud: wx-server-sdk getWXContext is not writable; seam moved.')
  // Concurrent local calls each keep their own caller, as separate invocations do in the cloud.
  sdk.getWXContext = () => ({ ...currentIdentity() })
  installed = hook
}
