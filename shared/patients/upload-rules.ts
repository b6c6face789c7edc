/** Default largest upload, in MB (a setting). */
export const DEFAULT_MAX_UPLOAD_MB = 50
export const MAX_UPLOAD_MB_CEILING = 500

export type RefusalReason = 'too-large' | 'empty' | 'unreadable' | 'not-a-file'

/** Why a file of this size cannot be uploaded, or null. */
export function refusalForSize(size: number, maxMb: number): RefusalReason | null {
  if (size <= 0) return 'empty'
  if (size > maxMb * 1024 * 1024) return 'too-large'
  return null
}

/** Length of the base64 text of `bytes` bytes (with padding). */
export const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3)
