import { z } from 'zod'
import { documentSchema, documentTypes } from '../alfadocs/schemas'
import { base64Length, MAX_UPLOAD_MB_CEILING } from '../patients/upload-rules'
import { channel, empty, id } from './core'

const patientId = id
const uploadId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected an upload id')
const fileName = z.string().trim().min(1).max(255)
const folderName = z.string().trim().min(1).max(100)
const documentType = z.enum(documentTypes)

export const refusalReasons = ['too-large', 'empty', 'unreadable', 'not-a-file'] as const
export const fileKinds = ['dicom', 'jpeg', 'png', 'tiff', 'bmp', 'gif', 'webp', 'pdf', 'text', 'unknown'] as const

export const documentsSettingsSchema = z.strictObject({ maxUploadMb: z.number().min(0.001).max(MAX_UPLOAD_MB_CEILING) })

export const inspectedFileSchema = z.object({
  path: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  kind: z.enum(fileKinds),
  type: documentType,
  folderName: z.string(),
  refusal: z.enum(refusalReasons).nullable(),
})
export type InspectedFile = z.infer<typeof inspectedFileSchema>

const uploadMeta = { uploadId, patientId, name: fileName, type: documentType, folderName }

export const uploadOutcomeSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('done'), document: documentSchema }),
  z.object({ state: z.literal('cancelled') }),
])

export const uploadProgressSchema = z.object({
  uploadId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Bytes of the file sent so far, and its size. */
  sent: z.number().nonnegative(),
  total: z.number().nonnegative(),
})

/**
 * Helpers the preload exposes on window.api besides the channels. They run in the preload, not in main:
 * `pathForFile` turns a dropped File into its path with webUtils.getPathForFile (the renderer cannot).
 */
export const preloadHelperNames = ['pathForFile'] as const
/**
 * Not a contract channel: the preload tells main, synchronously, each path it resolved for a dropped or
 * picked file. Main reads files only under such paths.
 */
export const GRANT_PATH_CHANNEL = 'sportello:grant-path'
export interface PreloadHelpers {
  pathForFile(file: unknown): string
}

export const documentsChannels = {
  documentsList: channel(z.strictObject({ patientId }), z.array(documentSchema)),
  /** A document's content, base64 (thumbnails, the viewer, "save a copy"). */
  documentsDownload: channel(z.strictObject({ patientId, documentId: id }), z.object({ base64: z.string() })),
  documentsSettings: channel(empty, documentsSettingsSchema),
  documentsSettingsSet: channel(documentsSettingsSchema, documentsSettingsSchema),
  /** Dropped or picked paths: main expands folders, follows links, keeps regular files and sniffs their type. */
  documentsInspectPaths: channel(
    z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(500), asXray: z.boolean().default(false) }),
    z.object({ files: z.array(inspectedFileSchema), skipped: z.number().int().nonnegative() }),
  ),
  /** Uploads one file from disk, streamed; resolves when AlfaDocs has it (or it was cancelled). */
  documentsUploadPaths: channel(z.strictObject({ ...uploadMeta, path: z.string().min(1).max(4096) }), uploadOutcomeSchema),
  /** Uploads bytes the page already holds (no preload: the e2e harness, a plain browser). Same checks. */
  documentsUploadBytes: channel(
    z.strictObject({ ...uploadMeta, base64: z.base64().max(base64Length(MAX_UPLOAD_MB_CEILING * 1024 * 1024)) }),
    uploadOutcomeSchema,
  ),
  documentsUploadProgress: channel(z.strictObject({ uploadIds: z.array(uploadId).max(500) }), z.array(uploadProgressSchema)),
  documentsUploadCancel: channel(z.strictObject({ uploadId }), z.object({ cancelled: z.boolean() })),
}
