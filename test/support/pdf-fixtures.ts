// Small real PDFs built byte by byte (with a correct cross-reference table), for the pdf.js wrapper's tests and
// the e2e: pages with a coloured band and a line of text, a damaged one and a password-protected one.

interface PageSpec {
  /** Fill colour of the band across the page, RGB 0..1. */
  rgb: [number, number, number]
  text: string
}

function assemble(objects: string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** An A4 PDF with one page per spec: a coloured band and the text in Helvetica. */
export function pdfWithPages(pages: PageSpec[]): Buffer {
  // 1 catalog, 2 pages, 3 font, then per page: page object, content stream.
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  for (const [i, p] of pages.entries()) {
    const esc = p.text.replace(/[\\()]/g, (c) => `\\${c}`)
    const stream = `${p.rgb.join(' ')} rg 40 560 515 200 re f\n0 0 0 rg BT /F1 28 Tf 60 500 Td (${esc}) Tj ET\n`
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
    )
  }
  return assemble(objects)
}

/** Starts like a PDF, then nothing a reader can use: no pages, no cross-reference table. */
export const damagedPdf = (): Buffer => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

/**
 * A PDF locked with a user password (standard security handler, RC4 40-bit): the /U and /O entries match no
 * empty password, so a reader must ask for one before it can show anything.
 */
export function passwordPdf(): Buffer {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) % 256).toString(16).padStart(2, '0')).join('')
  const base = pdfWithPages([{ rgb: [0.2, 0.4, 0.8], text: 'Riservato' }]).toString('latin1')
  // Rebuild with an Encrypt dictionary as the last object and the file ID the handler needs.
  const objects = [...base.matchAll(/\d+ 0 obj\n([\s\S]*?)\nendobj\n/g)].map((m) => m[1]!)
  const encryptRef = objects.length + 1
  objects.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex32(7)}> /U <${hex32(11)}> >>`)
  return assemble(objects, `/Encrypt ${encryptRef} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] `)
}
