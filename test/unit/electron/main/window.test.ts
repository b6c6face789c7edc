import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { appUrlMatcher, secureWebPreferences } from '../../../../electron/main/window'

const file = pathToFileURL('/opt/Sportello/resources/app.asar/out/renderer/index.html').toString()

describe('which URLs are the app', () => {
  const cases = [
    {
      name: 'a file: app is exactly its index.html, with any #route; never an opaque-origin URL',
      appUrl: file,
      app: [file, `${file}#/patients/12`],
      notApp: [
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
      ],
    },
    {
      name: 'a dev server app is its exact origin',
      appUrl: 'http://localhost:5173/',
      app: ['http://localhost:5173/#/day', 'http://localhost:5173/src/main.ts'],
      notApp: [
        'http://localhost:5174/',
        'https://localhost:5173/',
        'http://127.0.0.1:5173/',
        'data:text/html,x',
        'about:blank',
        'blob:null/1',
      ],
    },
  ]
  for (const { name, appUrl, app, notApp } of cases) {
    it(name, () => {
      const isApp = appUrlMatcher(appUrl)
      for (const url of app) expect(isApp(url), url).toBe(true)
      for (const url of notApp) expect(isApp(url), url).toBe(false)
    })
  }

  it('a packaged build gets no DevTools', () => {
    expect(secureWebPreferences('/p.js', { packaged: true }).devTools).toBe(false)
    expect(secureWebPreferences('/p.js', { packaged: false }).devTools).toBe(true)
  })
})
