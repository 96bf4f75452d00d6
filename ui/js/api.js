// The one place that knows how the UI reaches the core: Tauri IPC inside the
// desktop app, HTTP POST under `hvemved serve`. Screens only see call() and ApiError.

export class ApiError extends Error {
  constructor(kind, message, details = null) {
    super(message || kind);
    this.name = 'ApiError';
    this.kind = kind || 'unknown';
    this.details = Array.isArray(details) ? details : null;
  }
}

function toApiError(err) {
  if (err instanceof ApiError) return err;
  // Tauri rejects with the face's error object (sometimes serialised as a string).
  if (typeof err === 'string') {
    try { err = JSON.parse(err); } catch { return new ApiError('unknown', err); }
  }
  if (err && typeof err === 'object' && 'kind' in err) {
    return new ApiError(err.kind, err.message, err.details);
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

/** Desktop only: a native dialog picks a people file (CSV or LDIF) and Rust
 *  reads its bytes. Resolves to { name, content_base64 }, or null on cancel. */
export async function pickPeopleFile() {
  try {
    return await tauriInvoke()('pick_people_file');
  } catch (err) {
    throw toApiError(err);
  }
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
