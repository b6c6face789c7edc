export { AlfaDocsError, isAlfaDocsError, type ApiErrorKind } from './errors'
export {
  AlfaDocsClient,
  createClient,
  createLimiter,
  dedupeById,
  LIMITER_WINDOW_MS,
  type Auth,
  type ClientOptions,
  type Entity,
  type ListOptions,
  type Page,
  type PatientSearchFilters,
  type RequestArgs,
  type RequestEvent,
  type RouteResult,
} from './client'
export { RateLimiter, type Priority } from './limiter'
