// Who is using the app, as the core sees it: a role and, for employees and
// leaders, which person of the directory they are. The core enforces what
// each role may see and do; the screens only ask here so they can leave out
// controls the viewer may not use.

import { call } from './api.js';

/** The roles in the order the chooser offers them. */
export const ROLES = ['employee', 'leader', 'hr', 'administrator'];

let current = null;
const listeners = new Set();

/** Asks the core who the viewer is. Never fails: when the core cannot say
 *  (the desktop app answers "an import is running" meanwhile) the screens
 *  render for an administrator and leave out the "Du er" line; the core
 *  still refuses what the real viewer may not do. */
export async function loadSession() {
  try {
    current = await call('session', {});
  } catch {
    current = { viewer: { role: 'administrator' }, chosen: true, unavailable: true };
  }
  return current;
}

/** The last known session, or null before loadSession() has answered. */
export function session() {
  return current;
}

/** Tells the core who the local user is; listeners hear the new session. */
export async function chooseSession(role, person) {
  const args = needsPerson(role) ? { role, person } : { role };
  current = await call('session_set', args);
  listeners.forEach((fn) => fn(current));
  return current;
}

export function onSessionChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Employees and leaders must say which person they are. */
export function needsPerson(role) {
  return role === 'employee' || role === 'leader';
}

/** HR and administrators see everything and may do everything. */
export function isHr(s = current) {
  const role = s?.viewer?.role;
  return role === 'hr' || role === 'administrator';
}

/** True when the viewer is the person with external id `id`. */
export function isSelf(id, s = current) {
  return Boolean(id) && s?.viewer?.person === id;
}

/** The person themself, HR and administrators may change a profile. */
export function mayEditPerson(id, s = current) {
  return isHr(s) || isSelf(id, s);
}
