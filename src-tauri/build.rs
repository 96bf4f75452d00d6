//! Declares the app's own commands, so the capability file can allow exactly
//! these and nothing else to the page.

include!("src/command_list.rs");

fn main() {
    pack_relative_relocations();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(with_app_commands!(command_names))),
    )
    .expect("the Tauri build step succeeds");
}

/// A position-independent binary's pointers are fixed up as it starts, from a
/// table the loader reads whole: about 700 KB in this binary, resident in the
/// window's process from then on. Packed (DT_RELR, glibc 2.36 and later) it
/// is a few KB. The binary then needs glibc 2.36 (Debian 12) or later, and
/// an older C library refuses it by name rather than misreading it.
fn pack_relative_relocations() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if target_os == "linux" && target_env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
