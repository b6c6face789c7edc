import { documentTypes } from '../../../shared/alfadocs/schemas'
import type { DocumentRecord } from '../state'
import { asObject, badRequest, reqEnum, reqString } from '../validate'
import { find, nextId, nowWall, param, type Ctx, type Handlers } from './context'

const base64Re = /^[A-Za-z0-9+/]*={0,2}$/

function view(ctx: Ctx, d: DocumentRecord) {
  const { base64: _b, patientId: _p, ...meta } = d
  return { ...meta, downloadUrl: `${ctx.scopeUrl}/patients/${d.patientId}/documents/${d.id}/download` }
}

function findDoc(ctx: Ctx): DocumentRecord {
  const p = find(ctx.state.patients, param(ctx, 'patientId'), 'Patient')
  return find(ctx.state.documents, param(ctx, 'documentId'), 'Document', (d) => d.patientId === p.id)
}

export const documentHandlers: Handlers = {
  documentsList: (ctx) => {
    const p = find(ctx.state.patients, param(ctx, 'patientId'), 'Patient')
    return ctx.state.documents.filter((d) => d.patientId === p.id).map((d) => view(ctx, d))
  },
  documentGet: (ctx) => view(ctx, findDoc(ctx)),
  documentDownload: (ctx) => findDoc(ctx).base64,
  documentCreate: (ctx) => {
    const p = find(ctx.state.patients, param(ctx, 'patientId'), 'Patient')
    const b = asObject(ctx.body)
    const base64 = reqString(b, 'base64Data')
    if (base64.length % 4 !== 0 || !base64Re.test(base64)) throw badRequest('"base64Data" must be base64-encoded data')
    const type = reqEnum(b, 'type', documentTypes)
    const name = reqString(b, 'name')
    const folderName = reqString(b, 'folderName').trim()
    let folder = ctx.state.folders.find((f) => f.name.toLowerCase() === folderName.toLowerCase())
    if (!folder) {
      folder = { id: String(nextId(ctx.state)), name: folderName }
      ctx.state.folders.push(folder)
    }
    const d: DocumentRecord = {
      id: nextId(ctx.state),
      patientId: p.id,
      name,
      folderId: folder.id,
      folderName: folder.name,
      type,
      createdAt: nowWall(),
      base64,
    }
    ctx.state.documents.push(d)
    return view(ctx, d)
  },
}
