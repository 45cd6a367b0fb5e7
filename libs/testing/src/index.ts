export { HttpClient } from './http-client';
export type { HttpResponse } from './http-client';
export { registerUser, uniqueEmail, PASSWORD } from './factories';
export type { SignedIn } from './factories';
export { createOrganizer } from './organizer';
export { EVENT_WAIT_MS, createFair, createBooth, publishPosting, postingBody, collectFeed, connected, joinFair, eventually } from './fair-fixtures';
export type { BoothSetup } from './fair-fixtures';
export { approveCoach, createLiveFair, createPeople, hourFromNow, publishAvailability, settledBookings, tokenServiceFor } from './coaching-fixtures';
export type { TestPerson } from './coaching-fixtures';
export {
  insertFair,
  insertCompanyBooth,
  insertPosting,
  insertUser,
  insertApplication,
  insertHire,
  insertFollowUp,
  insertCoachingBooking,
} from './outcome-fixtures';
export type { OutcomeFairOptions, CompanyBooth, ApplicationFixture } from './outcome-fixtures';
export { REPO_ROOT, freePort, exited, runEnv, connectTestDb } from './processes';
export { samplePdf, samplePng, filesUnder } from './applicant-fixtures';
export { openPosting, applyTo, advanceTo } from './application-fixtures';
export type { OpenPosting } from './application-fixtures';
export { koreanPage, launchBrowser, seriousA11yViolations, saveScreenshot, signInThroughForm, CHROMIUM_PATH, FAKE_MEDIA_ARGS } from './browser';
export { deleteRedisKeys } from './processes';
export { BuiltProcess, splitDeployment } from './built-process';
export { notify } from './notifications';
export { SmtpSink, linkIn, rawHeader } from './smtp-sink';
export type { ReceivedMail } from './smtp-sink';
