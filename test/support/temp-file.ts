import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A new empty temp folder and the path of a file `name` in it (not created). */
export async function freshTempFile(prefix: string, name: string): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, file: join(dir, name) }
}
