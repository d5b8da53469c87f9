import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..')
/** The development database; tests use their own files or ':memory:'. */
export const DEFAULT_DB_FILE = process.env.LOCAL_CLOUD_DB ?? path.join(ROOT, '.local-cloud', 'dev.sqlite')
export const H5_DIR = path.join(ROOT, 'dist-h5')
