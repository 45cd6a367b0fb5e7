export { startTestApp } from './test-app';
export type { TestApp } from './test-app';
export { HttpClient } from './http-client';
export type { HttpResponse } from './http-client';
export { registerUser, uniqueEmail, PASSWORD } from './factories';
export type { SignedIn } from './factories';
export { createOrganizer } from './organizer';
