import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { preloadFirstScreen } from './scripts/preload-first-screen'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle the contract (and zod) into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    // The agenda is the screen the app opens on: fetched with the entry (see the plugin).
    plugins: [vue(), preloadFirstScreen(/[\\/]features[\\/]agenda[\\/]AgendaView\.vue$/)],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // ~2 MB of source otherwise: parse and compile time at every start of the app.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
