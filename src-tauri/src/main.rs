//! The Hvem ved? desktop app: one window around `ui/`, whose every call goes
//! through the core's command list (`hvemved_core::api::dispatch`). No
//! business logic lives here — only the window, the data directory, native
//! file dialogs, and the security fences around the page.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::sync::Mutex;

use hvemved_core::api::{dispatch, DemoRequest, Directory};
use hvemved_core::hr_import::ImportProgress;
use hvemved_core::long_commands::{dispatch_with, CallContext};
use hvemved_core::paths::{default_data_dir, DATA_DIR_ENV};
use hvemved_core::ErrorPayload;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_dialog::DialogExt;

/// mimalloc rather than the system allocator: searches build many small,
/// short-lived buffers, and glibc's allocator spent a fifth of their time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct AppState {
    directory: Mutex<Directory>,
    /// The file picked last for an import; never named by the page.
    picked_import: Mutex<Option<PathBuf>>,
}

/// The one door from the page into the core.
#[tauri::command]
fn api(
    state: tauri::State<'_, AppState>,
    cmd: String,
    args: serde_json::Value,
) -> Result<serde_json::Value, ErrorPayload> {
    // This runs on the window's main thread: waiting here for an import
    // that holds the directory would freeze the window, progress and all.
    let mut directory = match state.directory.try_lock() {
        Ok(directory) => directory,
        Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
        Err(std::sync::TryLockError::WouldBlock) => {
            return Err(ErrorPayload::new(
                "busy",
                "En import er i gang; prøv igen, når den er færdig.",
            ))
        }
    };
    dispatch(&mut directory, &cmd, args).map_err(|e| e.payload())
}

#[derive(Serialize)]
struct PickedFile {
    name: String,
    text: String,
}

/// A native dialog picks the bundle, and Rust reads it: the page never gets
/// file system access.
#[tauri::command]
async fn pick_bundle_file(app: tauri::AppHandle) -> Result<Option<PickedFile>, ErrorPayload> {
    let max = hvemved_core::api::MAX_BUNDLE_BYTES;
    let Some(path) = pick_path(&app, "Hvem ved?-bundt (JSON)", &["json"], max)? else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path).map_err(|e| io_payload(&format!("{}: {e}", path.display())))?;
    Ok(Some(PickedFile {
        name: file_name(&path),
        text,
    }))
}

/// The file picked for an import, as the page may know it: the path stays
/// in Rust.
#[derive(Serialize)]
struct PickedImportFile {
    name: String,
    size: u64,
}

/// Lets the user pick a file to import (people as CSV from the HR system or
/// LDIF from Active Directory, skills or course attendance as CSV) in a
/// native dialog. Rust keeps the path; `api_import` then streams the file
/// from disk, so a large file never passes through the page.
#[tauri::command]
async fn pick_import_file(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
) -> Result<Option<PickedImportFile>, ErrorPayload> {
    let max = hvemved_core::interchange::MAX_FILE_BYTES;
    let filter = "Medarbejderliste, kompetencer, kursusdeltagelse (CSV, LDIF)";
    let Some(path) = pick_path(&app, filter, &["csv", "txt", "tsv", "ldif", "ldf"], max)? else {
        return Ok(None);
    };
    let size = std::fs::metadata(&path)
        .map_err(|e| io_payload(&e.to_string()))?
        .len();
    let picked = PickedImportFile {
        name: file_name(&path),
        size,
    };
    *state.picked_import.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    Ok(Some(picked))
}

/// Runs an import command on the file picked last with `pick_import_file`,
/// sending its progress to the page as it goes. Async, so it runs off the
/// main thread and the window keeps drawing the progress.
#[tauri::command]
async fn api_import(
    state: tauri::State<'_, AppState>,
    cmd: String,
    args: serde_json::Value,
    on_progress: Channel<ImportProgress>,
) -> Result<serde_json::Value, ErrorPayload> {
    let picked = state
        .picked_import
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    let Some(path) = picked else {
        return Err(ErrorPayload::new("invalid_input", "Vælg en fil først."));
    };
    let mut directory = state
        .directory
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut progress = |step: ImportProgress| {
        // The page may have gone; the import goes on regardless.
        let _ = on_progress.send(step);
    };
    let context = CallContext {
        picked_file: Some(&path),
        progress: &mut progress,
    };
    dispatch_with(&mut directory, &cmd, args, context).map_err(|e| e.payload())
}

/// Lets the user pick a backup to restore in a native dialog and reads it
/// in Rust; the page then hands it to the core's `restore_upload`.
#[tauri::command]
async fn pick_backup_file(app: tauri::AppHandle) -> Result<Option<PickedBytes>, ErrorPayload> {
    let Some(path) = pick_path(&app, "Hvem ved?-sikkerhedskopi", &["backup"], MAX_BACKUP_BYTES)? else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path).map_err(|e| io_payload(&format!("{}: {e}", path.display())))?;
    Ok(Some(PickedBytes {
        name: file_name(&path),
        content_base64: {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.encode(bytes)
        },
    }))
}

#[derive(Serialize)]
struct PickedBytes {
    name: String,
    content_base64: String,
}

/// Largest backup the app restores: a directory of 100 000 people is about
/// 125 MB.
const MAX_BACKUP_BYTES: u64 = 1024 * 1024 * 1024;

/// End-to-end tests cannot click in a native dialog; this names the file
/// "picked" instead, and everything after the dialog runs as it does for a
/// user.
const PICKED_FILE_ENV: &str = "HVEMVED_PICKED_FILE";

/// A native file dialog; a file larger than `max_bytes` is refused before
/// anything reads it.
fn pick_path(
    app: &tauri::AppHandle,
    filter: &str,
    extensions: &[&str],
    max_bytes: u64,
) -> Result<Option<PathBuf>, ErrorPayload> {
    let path = match std::env::var_os(PICKED_FILE_ENV) {
        Some(path) => PathBuf::from(path),
        None => {
            let Some(picked) = app
                .dialog()
                .file()
                .add_filter(filter, extensions)
                .blocking_pick_file()
            else {
                return Ok(None);
            };
            picked.into_path().map_err(|e| io_payload(&e.to_string()))?
        }
    };
    let size = std::fs::metadata(&path)
        .map_err(|e| io_payload(&e.to_string()))?
        .len();
    if size > max_bytes {
        return Err(ErrorPayload::new(
            "invalid_input",
            format!("{} er for stor ({} MB)", path.display(), size / 1_000_000),
        ));
    }
    Ok(Some(path))
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Writes the export where the user chooses in a native save dialog.
#[tauri::command]
async fn save_export_file(app: tauri::AppHandle) -> Result<Option<String>, ErrorPayload> {
    let Some(picked) = app
        .dialog()
        .file()
        .set_file_name("hvemved-eksport.json")
        .add_filter("JSON", &["json"])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = picked.into_path().map_err(|e| io_payload(&e.to_string()))?;
    let state = app.state::<AppState>();
    let bundle = {
        let mut directory = state
            .directory
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        dispatch(&mut directory, "export_bundle", serde_json::Value::Null).map_err(|e| e.payload())?
    };
    let json = serde_json::to_string_pretty(&bundle).expect("bundles serialise");
    std::fs::write(&path, json).map_err(|e| io_payload(&format!("{}: {e}", path.display())))?;
    Ok(Some(path.display().to_string()))
}

/// Saves what the page made from the core's answers (a digest, a chart as
/// SVG, or as PNG in base64) where the user picks in a native dialog; the
/// page itself never gets file system access.
#[tauri::command]
async fn save_file(
    app: tauri::AppHandle,
    name: String,
    text: Option<String>,
    base64: Option<String>,
) -> Result<Option<String>, ErrorPayload> {
    use base64::Engine;
    let bytes = match (text, base64) {
        (Some(text), None) => text.into_bytes(),
        (None, Some(data)) => base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| io_payload(&format!("{name}: not base64 ({e})")))?,
        _ => return Err(io_payload(&format!("{name}: give either text or base64"))),
    };
    let extension = std::path::Path::new(&name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("txt")
        .to_string();
    let Some(picked) = app
        .dialog()
        .file()
        .set_file_name(&name)
        .add_filter(extension.to_uppercase(), &[extension.as_str()])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = picked.into_path().map_err(|e| io_payload(&e.to_string()))?;
    std::fs::write(&path, bytes).map_err(|e| io_payload(&format!("{}: {e}", path.display())))?;
    Ok(Some(path.display().to_string()))
}

fn io_payload(message: &str) -> ErrorPayload {
    ErrorPayload::new("io", message.to_string())
}

/// `--data-dir DIR`, else `HVEMVED_DATA_DIR`, else the per-user data directory.
fn data_dir() -> Result<PathBuf, String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args
                .next()
                .map(PathBuf::from)
                .ok_or("--data-dir needs a directory".into());
        }
        if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Ok(PathBuf::from(dir));
        }
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV) {
        return Ok(PathBuf::from(dir));
    }
    default_data_dir().map_err(|e| e.to_string())
}

/// Opens the directory; an empty one gets the demo municipality, marked as
/// demo data in the UI, so a first start shows something real-looking.
fn open_directory() -> Result<Directory, String> {
    let dir = data_dir()?;
    let mut directory = Directory::open(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if directory.is_empty().map_err(|e| e.to_string())? {
        directory
            .load_demo(&DemoRequest::default())
            .map_err(|e| e.to_string())?;
    }
    Ok(directory)
}

/// Only the app's own pages may be shown; a link elsewhere is not followed.
fn is_app_url(url: &tauri::Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

fn main() {
    limit_webview_memory();
    let directory = match open_directory() {
        Ok(directory) => directory,
        Err(message) => {
            eprintln!("Hvem ved? could not open its directory: {message}");
            std::process::exit(2);
        }
    };
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            directory: Mutex::new(directory),
            picked_import: Mutex::new(None),
        })
        .invoke_handler(tauri::generate_handler![
            api,
            api_import,
            pick_bundle_file,
            pick_import_file,
            pick_backup_file,
            save_export_file,
            save_file
        ])
        .setup(|app| {
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
                .title("Hvem ved?")
                .inner_size(1280.0, 800.0)
                .min_inner_size(640.0, 480.0)
                .on_navigation(is_app_url)
                .build()?
                .with_webview(small_webview_caches)?;
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Hvem ved? stopped: {e}");
        std::process::exit(2);
    }
}

/// The page is plain HTML and needs no GPU: WebKitGTK's DMA-BUF renderer
/// allocated GPU-shareable buffers regardless, nearly doubling the web
/// process's memory on machines without a GPU. A value set by the user wins.
fn limit_webview_memory() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}

/// One local page, no browsing: WebKit's web-browser cache sizes only cost
/// memory here.
fn small_webview_caches(webview: tauri::webview::PlatformWebview) {
    #[cfg(target_os = "linux")]
    {
        use webkit2gtk::{WebContextExt, WebViewExt};
        if let Some(context) = webview.inner().context() {
            context.set_cache_model(webkit2gtk::CacheModel::DocumentViewer);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = webview;
}
