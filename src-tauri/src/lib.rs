//! The desktop app's bridge between the page and the core: the commands the
//! page may call, the state they share, and the native file dialogs. The
//! binary (`main.rs`) adds the window; tests build the same app on Tauri's
//! mock runtime.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use hvemved_core::api::{dispatch, Directory};
use hvemved_core::hr_import::ImportProgress;
use hvemved_core::long_commands::{dispatch_with, CallContext};
use hvemved_core::search_handle::SearchHandle;
use hvemved_core::search_log::BURST_GAP;
use hvemved_core::ErrorPayload;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

pub mod allocator;
#[cfg(unix)]
pub mod one_window;
pub mod upkeep;

use upkeep::UpkeepClock;

include!("command_list.rs");

/// The names of the commands the page may call, as the handler serves them.
pub const COMMANDS: &[&str] = with_app_commands!(command_names);

macro_rules! invoke_handler {
    ($($command:ident),*) => {
        tauri::generate_handler![$($command),*]
    };
}

/// The app without its window: the dialog plugin, the shared state and the
/// handlers of [`COMMANDS`].
pub fn app_builder<R: Runtime>(
    builder: tauri::Builder<R>,
    directory: Directory,
    dialogs: FileDialogs,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            searches: directory.search_handle(),
            directory: Mutex::new(directory),
            picked_import: Mutex::new(None),
            upkeep: UpkeepClock::new(UPKEEP_EVERY, UPKEEP_QUIET),
        })
        .manage(dialogs)
        .invoke_handler(with_app_commands!(invoke_handler))
}

/// How often the upkeep runs while the page is in use.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);
/// How long after the page's last call the upkeep goes on: until the burst
/// of searches typed last is finished and stored.
const UPKEEP_QUIET: Duration = Duration::from_secs(BURST_GAP.as_secs() + 5);

/// The app's upkeep, every few seconds while the page is in use and for a
/// while after (see [`UpkeepClock`]), when the directory is free (never
/// waiting for an import): stores the searches made in the window in the
/// audit log, and hands back the memory an import or a rebuild freed.
pub fn idle_upkeep<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        state.upkeep.run(|| {
            let Ok(mut directory) = state.directory.try_lock() else {
                return false;
            };
            let _ = directory.store_searches(false);
            empty_page_caches(&directory);
            drop(directory);
            release_freed_memory();
            true
        })
    });
}

/// Empties SQLite's page caches, so that the memory they held can be
/// returned to the system ([`release_freed_memory`]).
pub fn empty_page_caches(directory: &Directory) {
    if let Err(e) = directory.release_caches() {
        eprintln!("Hvem ved? could not empty the database's page cache: {e}");
    }
}

/// Returns the memory freed since the last call to the system. mimalloc
/// keeps freed pages to reuse them, and gives them back only while it is
/// busy; a window left idle after opening a directory or importing one kept
/// some 25 MB it no longer used. SQLite allocates with the C library's
/// malloc, which keeps what is freed below the top of its heap until asked
/// to trim.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the C library's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
    // SAFETY: mi_collect takes no pointers and only walks mimalloc's own
    // lists of free pages; it may be called from any thread at any time.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// Stores every search noted, the one being typed too: as the app exits.
pub fn store_searches<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let mut directory = state
        .directory
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Err(e) = directory.store_searches(true) {
        eprintln!("Hvem ved? could not log the last searches: {e}");
    }
}

/// `tauri.conf.json`, the page, and the access control compiled from the
/// app manifest and `capabilities/`.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// How the app's open and save dialogs are answered.
pub struct FileDialogs {
    pub open: DialogAnswer,
    pub save: DialogAnswer,
}

pub enum DialogAnswer {
    /// By the user, in the system's native dialog.
    Native,
    /// In advance, without showing anything, for tests, which cannot click
    /// in a native dialog: the file given, or `None` for a user who cancels.
    /// Everything after the dialog runs as it does for a user.
    Given(Option<PathBuf>),
}

/// Names the file an open dialog "picks" in end-to-end tests.
const PICKED_FILE_ENV: &str = "HVEMVED_PICKED_FILE";

impl FileDialogs {
    /// Native dialogs, except an open dialog when `HVEMVED_PICKED_FILE`
    /// names the file to pick.
    pub fn from_env() -> FileDialogs {
        FileDialogs {
            open: match std::env::var_os(PICKED_FILE_ENV) {
                Some(path) => DialogAnswer::Given(Some(PathBuf::from(path))),
                None => DialogAnswer::Native,
            },
            save: DialogAnswer::Native,
        }
    }

    fn pick<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        filter: &str,
        extensions: &[&str],
    ) -> Result<Option<PathBuf>, ErrorPayload> {
        match &self.open {
            DialogAnswer::Given(path) => Ok(path.clone()),
            DialogAnswer::Native => app
                .dialog()
                .file()
                .add_filter(filter, extensions)
                .blocking_pick_file()
                .map(|picked| picked.into_path().map_err(|e| io_payload(&e.to_string())))
                .transpose(),
        }
    }

    fn save<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        file_name: &str,
        filter: &str,
        extensions: &[&str],
    ) -> Result<Option<PathBuf>, ErrorPayload> {
        match &self.save {
            DialogAnswer::Given(path) => Ok(path.clone()),
            DialogAnswer::Native => app
                .dialog()
                .file()
                .set_file_name(file_name)
                .add_filter(filter, extensions)
                .blocking_save_file()
                .map(|picked| picked.into_path().map_err(|e| io_payload(&e.to_string())))
                .transpose(),
        }
    }
}

struct AppState {
    directory: Mutex<Directory>,
    /// Answers searches without the directory's lock, so they go on while
    /// an import holds it.
    searches: SearchHandle,
    /// The file picked last for an import; never named by the page.
    picked_import: Mutex<Option<PathBuf>>,
    upkeep: UpkeepClock,
}

/// The one door from the page into the core.
#[tauri::command]
fn api(
    state: tauri::State<'_, AppState>,
    cmd: String,
    args: serde_json::Value,
) -> Result<serde_json::Value, ErrorPayload> {
    state.upkeep.note_call();
    if SearchHandle::answers(&cmd) {
        return state.searches.dispatch(&cmd, args).map_err(|e| e.payload());
    }
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
async fn pick_bundle_file<R: Runtime>(app: AppHandle<R>) -> Result<Option<PickedFile>, ErrorPayload> {
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
async fn pick_import_file<R: Runtime>(
    app: AppHandle<R>,
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
    state.upkeep.note_call();
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
async fn pick_backup_file<R: Runtime>(app: AppHandle<R>) -> Result<Option<PickedBytes>, ErrorPayload> {
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

/// An open dialog; a file larger than `max_bytes` is refused before
/// anything reads it.
fn pick_path<R: Runtime>(
    app: &AppHandle<R>,
    filter: &str,
    extensions: &[&str],
    max_bytes: u64,
) -> Result<Option<PathBuf>, ErrorPayload> {
    let Some(path) = app.state::<FileDialogs>().pick(app, filter, extensions)? else {
        return Ok(None);
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
async fn save_export_file<R: Runtime>(app: AppHandle<R>) -> Result<Option<String>, ErrorPayload> {
    let dialogs = app.state::<FileDialogs>();
    let Some(path) = dialogs.save(&app, "hvemved-eksport.json", "JSON", &["json"])? else {
        return Ok(None);
    };
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
async fn save_file<R: Runtime>(
    app: AppHandle<R>,
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
    let dialogs = app.state::<FileDialogs>();
    let filter = extension.to_uppercase();
    let Some(path) = dialogs.save(&app, &name, &filter, &[extension.as_str()])? else {
        return Ok(None);
    };
    std::fs::write(&path, bytes).map_err(|e| io_payload(&format!("{}: {e}", path.display())))?;
    Ok(Some(path.display().to_string()))
}

fn io_payload(message: &str) -> ErrorPayload {
    ErrorPayload::new("io", message.to_string())
}
