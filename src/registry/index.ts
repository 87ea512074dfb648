// The publish stage's surface for the pipeline: run.ts needs publish() and its option types;
// the rest is exported for tests and for a caller that wants one piece (names, credentials).
export { publish, PublishFailure, type PublishOptions, type PublishResult, type PublishStats, type PublishTarget } from './publish.js';
export { JsonFileBlobLocations, MemoryBlobLocations, type BlobLocations } from './blob-locations.js';
export { parseImageName, type ImageName } from './reference.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './transport.js';
export type { CredentialInputs, Env } from './credentials.js';
