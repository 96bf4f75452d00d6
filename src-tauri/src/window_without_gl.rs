//! Keeps Mesa out of the window's own process on Linux.
//!
//! With WebKit's DMA-BUF renderer off (see `limit_webview_memory`), the
//! window process draws what the web process renders without OpenGL. Yet
//! GTK probes GLX when it opens the display, and WebKit sets up an EGL
//! display there too, and each loads Mesa's driver, which brings LLVM: about
//! 23 MB of the window process's memory, for nothing. GTK is told not to
//! use GL; EGL's dispatcher (libglvnd) is made to find no driver in this
//! process only, because it looks for drivers once, on its first call. The
//! web process, started later with the environment restored, finds Mesa as
//! usual: it renders the page with it. Done on X11 only, where it was
//! checked that the window shows the same pixels.

use std::ffi::{c_char, c_void};

const GDK_GL: &str = "GDK_GL";
const EGL_VENDOR_FILES: &str = "__EGL_VENDOR_LIBRARY_FILENAMES";

/// Call first thing in `main`, before any thread starts: it changes the
/// process environment for a moment.
pub fn keep_gl_out_of_window_process() {
    if !on_x11() || dmabuf_renderer_wanted() || std::env::var_os(EGL_VENDOR_FILES).is_some() {
        return;
    }
    if std::env::var_os(GDK_GL).is_none() {
        std::env::set_var(GDK_GL, "disable");
    }
    std::env::set_var(EGL_VENDOR_FILES, "");
    look_for_egl_drivers();
    std::env::remove_var(EGL_VENDOR_FILES);
}

/// Only an X11 display is known to draw the same without GL in the window
/// process; under Wayland, GTK and WebKit are left as they are.
fn on_x11() -> bool {
    let wayland = std::env::var_os("WAYLAND_DISPLAY").is_some();
    let backend = std::env::var("GDK_BACKEND").unwrap_or_default();
    std::env::var_os("DISPLAY").is_some() && (!wayland || backend.starts_with("x11"))
}

/// The user turned WebKit's DMA-BUF renderer back on: the window process
/// then imports the web process's GPU buffers and needs EGL.
fn dmabuf_renderer_wanted() -> bool {
    std::env::var("WEBKIT_DISABLE_DMABUF_RENDERER").is_ok_and(|value| value == "0")
}

/// Makes libglvnd read its list of drivers now, with the empty list set
/// above. WebKit links libEGL, so it is already loaded and this only finds
/// it; when it is missing there is nothing to keep out.
fn look_for_egl_drivers() {
    const EGL_NO_DISPLAY: *mut c_void = std::ptr::null_mut();
    const EGL_EXTENSIONS: i32 = 0x3055;
    type QueryString = unsafe extern "C" fn(*mut c_void, i32) -> *const c_char;
    // SAFETY: dlopen and dlsym are given NUL-terminated names; the symbol is
    // EGL's eglQueryString, whose signature is `QueryString`, and querying
    // the client extensions with no display is valid at any time.
    unsafe {
        let egl = libc::dlopen(c"libEGL.so.1".as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL);
        if egl.is_null() {
            return;
        }
        let symbol = libc::dlsym(egl, c"eglQueryString".as_ptr());
        if !symbol.is_null() {
            let query: QueryString = std::mem::transmute(symbol);
            query(EGL_NO_DISPLAY, EGL_EXTENSIONS);
        }
    }
}
