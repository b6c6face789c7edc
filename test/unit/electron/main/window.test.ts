import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { appUrlMatcher, secureWebPreferences } from '../../../../electron/main/window'

const file = pathToFileURL('/opt/Sportello/resources/app.asar/out/renderer/index.html').toString()

describe('which URLs are the app', () => {
  it('a file: app is exactly its index.html, with any #route; never an opaque-origin URL', () => {
    const isApp = appUrlMatcher(file)
    expect(isApp(file)).toBe(true)
    expect(isApp(`${file}#/patients/12`)).toBe(true)
    for (const url of [
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'about:srcdoc',
      'blob:null/6f1c2a44-0000-4000-8000-000000000000',
      'file:///etc/passwd',
      'file:///opt/Sportello/resources/app.asar/out/renderer/other.html',
      `${file}?x=1`,
      'file://evil.example/opt/Sportello/resources/app.asar/out/renderer/index.html',
      'javascript:alert(1)',
      'https://evil.example/',
      '',
      'not a url',
    ]) {
      expect(isApp(url), url).toBe(false)
    }
  })

  it('a dev server app is its exact origin', () => {
    const isApp = appUrlMatcher('http://localhost:5173/')
    expect(isApp('http://localhost:5173/#/day')).toBe(true)
    expect(isApp('http://localhost:5173/src/main.ts')).toBe(true)
    for (const url of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'data:text/html,x',
      'about:blank',
      'blob:null/1',
    ]) {
      expect(isApp(url), url).toBe(false)
    }
  })

  it('a packaged build gets no DevTools', () => {
    expect(secureWebPreferences('/p.js', { packaged: true }).devTools).toBe(false)
    expect(secureWebPreferences('/p.js', { packaged: false }).devTools).toBe(true)
  })
})
