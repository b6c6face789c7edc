import { KeytarSecretStore } from '../../electron/main/keychain/keytar-store'

/**
 * Whether a real OS keychain answers here. Without one the keychain tests are skipped loudly, except under
 * CI, where they must run (CI starts gnome-keyring inside dbus-run-session).
 */
export async function secretServiceAvailable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const probe = new KeytarSecretStore(`Sportello-probe-${process.pid}`)
  try {
    await probe.set('probe', 'x')
    await probe.delete('probe')
    return { ok: true }
  } catch (e) {
    const reason = (e as Error).message
    if (process.env['CI']) throw new Error(`CI is set but no Secret Service answers: ${reason}`, { cause: e })
    console.warn(
      `\n!!! KEYCHAIN TESTS SKIPPED: no Secret Service here (${reason}).\n` +
        `!!! Run them with: dbus-run-session -- bash -c 'echo -n pass | gnome-keyring-daemon --unlock --components=secrets && npm test'\n`,
    )
    return { ok: false, reason }
  }
}
