// Moved to features/session/store.ts; this re-export lasts until every importer has switched.
export { useSessionStore } from '../features/session/store'
