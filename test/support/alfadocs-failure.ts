import { AlfaDocsError } from '../../electron/main/alfadocs/errors'

/** The AlfaDocsError a request fails with; any other error is rethrown, and a request that succeeds fails the test. */
export async function failure(p: Promise<unknown>): Promise<AlfaDocsError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AlfaDocsError) return e
    throw e
  }
  throw new Error('expected the request to fail')
}
