//! The Hvem ved? desktop app: one window around `ui/`, whose every call goes
//! through the core's command list (`hvemved_core::api::dispatch`). No
//! business logic lives here — only the window, the data directory, native
//! file dialogs (the commands the page may call are in `lib.rs`), and the
//! security fences around the page.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::{Path, PathBuf};

use hvemved_core::api::{DemoRequest, Directory};
use hvemved_core::paths::{default_data_dir, DATA_DIR_ENV};
use hvemved_desktop::allocator;
#[cfg(unix)]
use hvemved_desktop::one_window;
use hvemved_desktop::{
    app_builder, context, empty_page_caches, idle_upkeep, release_freed_memory, store_searches, FileDialogs,
};
use tauri::{Manager, RunEvent, WebviewUrl, WebviewWindowBuilder};

#[cfg(target_os = "linux")]
mod window_without_gl;

/// mimalloc rather than the system allocator: searches build many small,
/// short-lived buffers, and glibc's allocator spent a fifth of their time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
/// demo data in the UI, so a first start shows something real-looking. The
/// retention rules are applied as the app starts (at most once a day); if
/// that fails the app still opens, and the next start tries again.
fn open_directory(dir: &Path) -> Result<Directory, String> {
    let mut directory = Directory::open(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if directory.is_empty().map_err(|e| e.to_string())? {
        directory
            .load_demo(&DemoRequest::default())
            .map_err(|e| e.to_string())?;
    }
    if let Err(e) = directory.apply_retention_if_due() {
        eprintln!("Hvem ved? could not apply the retention rules: {e}");
    }
    empty_page_caches(&directory);
    release_freed_memory();
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

/// Brings the window to the front, for a later start on the same directory.
fn show_window<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// The socket this app listens on, removed as the app ends.
#[cfg(unix)]
struct OwnSocket(PathBuf);

/// The socket to hear later starts on, and its path; when the directory
/// is open in another window already, shows that one and ends.
#[cfg(unix)]
fn claim_directory(dir: &Path) -> Option<(std::os::unix::net::UnixListener, PathBuf)> {
    match one_window::claim(dir) {
        one_window::Claim::First(listener, socket) => Some((listener, socket)),
        one_window::Claim::AlreadyOpen => {
            println!(
                "Hvem ved? is already open on {}: its window is shown.",
                dir.display()
            );
            std::process::exit(0);
        }
        one_window::Claim::Unguarded(e) => {
            eprintln!("Hvem ved? cannot notice later starts on {}: {e}", dir.display());
            None
        }
    }
}

fn main() {
    allocator::purge_freed_pages_at_once();
    limit_webview_memory();
    #[cfg(target_os = "linux")]
    window_without_gl::keep_gl_out_of_window_process();
    let opened = data_dir().and_then(|dir| {
        #[cfg(unix)]
        let listener = claim_directory(&dir);
        #[cfg(not(unix))]
        let listener = ();
        open_directory(&dir).map(|directory| (directory, listener))
    });
    let (directory, listener) = match opened {
        Ok(opened) => opened,
        Err(message) => {
            eprintln!("Hvem ved? could not open its directory: {message}");
            std::process::exit(2);
        }
    };
    let builder = tauri::Builder::default();
    #[cfg(not(unix))]
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
        show_window(app)
    }));
    let result = app_builder(builder, directory, FileDialogs::from_env())
        .setup(move |app| {
            #[cfg(unix)]
            if let Some((listener, socket)) = listener {
                let handle = app.handle().clone();
                one_window::on_later_starts(listener, move || show_window(&handle));
                app.manage(OwnSocket(socket));
            }
            #[cfg(not(unix))]
            let _ = listener;
            // Fits a 1366×768 laptop screen, the common municipal one, with
            // its task bar; the window's pixel buffers grow with its size.
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
                .title("Hvem ved?")
                .inner_size(1152.0, 720.0)
                .min_inner_size(640.0, 480.0)
                .on_navigation(is_app_url)
                .build()?
                .with_webview(small_webview_caches)?;
            idle_upkeep(app.handle());
            Ok(())
        })
        .build(context())
        .map(|app| {
            app.run(|app, event| {
                if let RunEvent::Exit = event {
                    store_searches(app);
                    #[cfg(unix)]
                    if let Some(socket) = app.try_state::<OwnSocket>() {
                        let _ = std::fs::remove_file(&socket.0);
                    }
                }
            })
        });
    if let Err(e) = result {
        eprintln!("Hvem ved? stopped: {e}");
        std::process::exit(2);
    }
}

/// The page is plain HTML and needs no GPU: WebKitGTK's DMA-BUF renderer
/// allocated GPU-shareable buffers regardless, nearly doubling the web
/// process's memory on machines without a GPU. Its scripts are small and
/// the searching is done in Rust, so JavaScriptCore's interpreter is fast
/// enough: without the JIT compilers the web process holds about 10 MB less
/// and has no memory that is both writable and executable. A value set by
/// the user wins.
fn limit_webview_memory() {
    #[cfg(target_os = "linux")]
    for (name, value) in [("WEBKIT_DISABLE_DMABUF_RENDERER", "1"), ("JSC_useJIT", "0")] {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
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
