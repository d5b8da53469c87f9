/** Errors the local store answers with, in the cloud's own codes and message shapes. */

/** An error the SDK understands: `code` is one of the cloud's error names. */
export class CloudDbError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Not an answer: the request must wait (a transaction holds its document, or another process the file). */
export const WAIT_CODE = 'LOCAL_CLOUD_WAIT'

export const ERR = {
  conflict: (what: string) =>
    new CloudDbError('DATABASE_TRANSACTION_CONFLICT', `[ResourceUnavailable.TransactionConflict] ${what}`),
  duplicate: (coll: string, id: string) =>
    new CloudDbError(
      'DATABASE_REQUEST_FAILED',
      `[FailedOperation] E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`,
    ),
  noCollection: (coll: string) =>
    new CloudDbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${coll}`),
  txnGone: (id: string) =>
    new CloudDbError(
      'DATABASE_TRANSACTION_FAIL',
      `[ResourceUnavailable.TransactionNotExist] Transaction ${id} not exist`,
    ),
  invalid: (message: string) => new CloudDbError('DATABASE_REQUEST_FAILED', `[InvalidParameter] ${message}`),
  failed: (message: string) => new CloudDbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${message}`),
  duplicateKey: (coll: string, index: string, key: string) =>
    new CloudDbError(
      'DATABASE_REQUEST_FAILED',
      `[FailedOperation] E11000 duplicate key error collection: ${coll} index: ${index} dup key: ${key}`,
    ),
  wait: (what: string) => new CloudDbError(WAIT_CODE, `local cloud: ${what}; the request waits`),
}
