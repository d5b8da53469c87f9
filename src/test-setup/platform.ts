/**
 * Runs a test body as the weapp build, then back to H5 (what the tests run as), even when it fails:
 * services choose their path by TARO_ENV at call time.
 */
export function onWeapp(run: () => Promise<void>): () => Promise<void> {
  return async () => {
    process.env.TARO_ENV = 'weapp'
    try {
      await run()
    } finally {
      process.env.TARO_ENV = 'h5'
    }
  }
}
