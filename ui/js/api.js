// The one place that knows how the UI reaches the core: Tauri IPC inside the
// desktop app, HTTP POST under `hvemved serve`. Screens only see call() and ApiError.

export class ApiError extends Error {
  constructor(kind, message, details = null, columns = null) {
    super(message || kind);
    this.name = 'ApiError';
    this.kind = kind || 'unknown';
    this.details = Array.isArray(details) ? details : null;
    // A file's columns, when the core could not tell what they hold.
    this.columns = Array.isArray(columns) ? columns : null;
  }
}

function toApiError(err) {
  if (err instanceof ApiError) return err;
  // Tauri rejects with the face's error object (sometimes serialised as a string).
  if (typeof err === 'string') {
    try { err = JSON.parse(err); } catch { return new ApiError('unknown', err); }
  }
  if (err && typeof err === 'object' && 'kind' in err) {
    return new ApiError(err.kind, err.message, err.details, err.columns);
  }
  return new ApiError('unknown', err?.message || String(err));
}

function tauriInvoke() {
  return window.__TAURI__?.core?.invoke;
}

export async function call(command, args = {}) {
  const invoke = tauriInvoke();
  if (invoke) {
    try {
      return await invoke('api', { cmd: command, args });
    } catch (err) {
      throw toApiError(err);
    }
  }

  let response;
  try {
    response = await fetch('/api/' + encodeURIComponent(command), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
  } catch (err) {
    throw new ApiError('unreachable', err?.message || 'network error');
  }

  let body = null;
  const text = await response.text();
  if (text) {
    try { body = JSON.parse(text); } catch { body = null; }
  }
  if (!response.ok) {
    if (body && typeof body === 'object' && body.kind) throw toApiError(body);
    throw new ApiError('http_' + response.status, text || response.statusText);
  }
  return body;
}

/** True inside the desktop app, where files go through native dialogs. */
export function inDesktopApp() {
  return Boolean(tauriInvoke());
}

/** Desktop only: a native dialog picks a bundle and Rust reads it.
 *  Resolves to { name, text }, or null when the user cancels. */
export async function pickBundleFile() {
  try {
    return await tauriInvoke()('pick_bundle_file');
  } catch (err) {
    throw toApiError(err);
  }
}

/** Desktop only: a native dialog picks a file to import (people as CSV or
 *  LDIF, skills or attendance as CSV). Rust keeps the path; the page gets
 *  { name, size }, or null on cancel. callWithProgress() then reads it. */
export async function pickImportFile() {
  try {
    return await tauriInvoke()('pick_import_file');
  } catch (err) {
    throw toApiError(err);
  }
}

/**
 * A long import: onProgress({ stage: 'rows'|'indexing', done, total }) is
 * called while it runs. In the desktop app the command reads the file picked
 * last with pickImportFile() and progress comes over a Tauri channel; in the
 * browser the file is in `args` and progress comes as lines of JSON.
 */
export async function callWithProgress(command, args, onProgress) {
  const invoke = tauriInvoke();
  if (invoke) {
    const channel = new window.__TAURI__.core.Channel();
    channel.onmessage = (step) => onProgress(step);
    try {
      return await invoke('api_import', { cmd: command, args, onProgress: channel });
    } catch (err) {
      throw toApiError(err);
    }
  }

  let response;
  try {
    response = await fetch('/api/' + encodeURIComponent(command), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
      body: JSON.stringify(args),
    });
  } catch (err) {
    throw new ApiError('unreachable', err?.message || 'network error');
  }
  if (!response.ok || !response.body) {
    throw new ApiError('http_' + response.status, response.statusText);
  }
  // One JSON value per line: progress steps, then { status, body }.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let answer = null;
  const take = (line) => {
    if (!line.trim()) return;
    const value = JSON.parse(line);
    if (value.progress) onProgress(value.progress);
    else answer = value;
  };
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch (err) {
      throw new ApiError('unreachable', err?.message || 'network error');
    }
    if (chunk.done) break;
    pending += decoder.decode(chunk.value, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop();
    lines.forEach(take);
  }
  take(pending + decoder.decode());
  if (!answer) throw new ApiError('unreachable', 'the answer was cut off');
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  throw toApiError(answer.body);
}

/** Desktop only: a native dialog picks a backup and Rust reads its bytes.
 *  Resolves to { name, content_base64 }, or null on cancel. */
export async function pickBackupFile() {
  try {
    return await tauriInvoke()('pick_backup_file');
  } catch (err) {
    throw toApiError(err);
  }
}

/** Desktop only: a native dialog chooses where Rust writes the export.
 *  Resolves to the path written, or null when the user cancels. */
export async function saveExportFile() {
  try {
    return await tauriInvoke()('save_export_file');
  } catch (err) {
    throw toApiError(err);
  }
}

/** Desktop only: a native dialog chooses where Rust writes `text` (a
 *  digest, an SVG); resolves to the path written, or null on cancel. */
export async function saveTextFile(name, text) {
  try {
    return await tauriInvoke()('save_file', { name, text });
  } catch (err) {
    throw toApiError(err);
  }
}

/** Desktop only: as saveTextFile, for binary data such as a PNG blob. */
export async function saveBlobFile(name, blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  try {
    return await tauriInvoke()('save_file', { name, base64: btoa(binary) });
  } catch (err) {
    throw toApiError(err);
  }
}
