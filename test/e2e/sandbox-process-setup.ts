import { startSandboxProcess, type SandboxProcess, type SandboxProcessOptions } from '../../electron/sandbox/process'
import { startHarness, type Harness } from './harness'

/**
 * The harness and a sandbox PROCESS on the harness's today (a test can kill it, as when the network drops, and
 * start it again on the same port), connected to it unless `connect: false`.
 */
export async function openOnSandboxProcess(
  chromiumPath: string,
  opts: Omit<SandboxProcessOptions, 'today'> & { connect?: boolean },
): Promise<{ h: Harness; sp: SandboxProcess }> {
  const { connect = true, ...processOpts } = opts
  const h = await startHarness(chromiumPath)
  let sp: SandboxProcess | undefined
  try {
    sp = await startSandboxProcess({ ...processOpts, today: h.today })
    if (connect) await h.connectTo(sp)
    return { h, sp }
  } catch (e) {
    await closeOnSandboxProcess(sp, h)
    throw e
  }
}

/** The sandbox process first, then the harness; either may be missing when the setup failed. */
export async function closeOnSandboxProcess(sp: SandboxProcess | undefined, h: Harness | undefined): Promise<void> {
  await sp?.stop()
  await h?.close()
}
