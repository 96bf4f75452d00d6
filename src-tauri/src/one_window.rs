//! One window per data directory. A second start on a directory that is
//! already open brings the open window to the front and exits, instead of
//! opening a second window onto the same files. The app that is open
//! listens on a Unix socket beside its database: plain sockets, so this
//! works without a D-Bus session, which a remote or kiosk session may lack.

use std::io::{ErrorKind, Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};

/// The socket's file name in the data directory.
const SOCKET_NAME: &str = "hvemved-desktop.sock";

/// How long a knock may take to arrive once a caller has connected.
const KNOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(200);

/// A socket's path must fit in `sockaddr_un` (108 bytes with its NUL).
const LONGEST_SOCKET_PATH: usize = 100;

/// Where the app open on `data_dir` listens: in the directory itself, or,
/// when that path is too long for a socket, in the user's runtime directory
/// under a name made from the directory's path.
pub fn socket_path(data_dir: &Path) -> PathBuf {
    let beside_database = data_dir.join(SOCKET_NAME);
    if beside_database.as_os_str().len() <= LONGEST_SOCKET_PATH {
        return beside_database;
    }
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let canonical = data_dir.canonicalize().unwrap_or_else(|_| data_dir.to_path_buf());
    runtime.join(format!("hvemved-desktop-{:016x}.sock", path_hash(&canonical)))
}

/// FNV-1a: the same for every start of every build, unlike std's hasher.
fn path_hash(path: &Path) -> u64 {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// What a start finds on its data directory.
pub enum Claim {
    /// No app is open on it; this one listens for later starts, on the
    /// socket at the path given.
    First(UnixListener, PathBuf),
    /// An app is open on it and was asked to show its window.
    AlreadyOpen,
    /// Later starts cannot be noticed (the socket could not be made); the
    /// app still works, and a later start opens a second window.
    Unguarded(std::io::Error),
}

/// Claims the data directory for this start, before the directory is
/// opened: a first start that writes the demo municipality takes a moment,
/// and a second click meanwhile must find it.
pub fn claim(data_dir: &Path) -> Claim {
    // Made first, so that a path too long for a socket is named after the
    // same canonical path by this start and every later one.
    if let Err(e) = std::fs::create_dir_all(data_dir) {
        return Claim::Unguarded(e);
    }
    let socket = socket_path(data_dir);
    if show_open_window(&socket) {
        return Claim::AlreadyOpen;
    }
    match listen(&socket) {
        Ok(listener) => Claim::First(listener, socket),
        // Another start bound it between our knock and our bind.
        Err(_) if show_open_window(&socket) => Claim::AlreadyOpen,
        Err(e) => Claim::Unguarded(e),
    }
}

/// Asks the app open on this socket, if any, to show its window; true when
/// one is open and was asked.
pub fn show_open_window(socket: &Path) -> bool {
    match UnixStream::connect(socket) {
        Ok(mut stream) => {
            let _ = stream.write_all(b"show\n");
            true
        }
        Err(_) => false,
    }
}

/// Starts listening for later starts. A socket file left behind by an app
/// that was killed is nobody's and is replaced.
pub fn listen(socket: &Path) -> std::io::Result<UnixListener> {
    match UnixListener::bind(socket) {
        Err(e) if e.kind() == ErrorKind::AddrInUse && UnixStream::connect(socket).is_err() => {
            std::fs::remove_file(socket)?;
            UnixListener::bind(socket)
        }
        bound => bound,
    }
}

/// Calls `show` whenever a later start knocks, on a thread of its own.
pub fn on_later_starts(listener: UnixListener, show: impl Fn() + Send + 'static) {
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            // Only the knock matters; what it says is not trusted, and a
            // caller that says nothing must not hold up the next one.
            let _ = stream.set_read_timeout(Some(KNOCK_WAIT));
            let mut knock = [0u8; 8];
            let _ = stream.read(&mut knock);
            show();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_later_start_reaches_the_open_app_and_a_killed_apps_socket_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let socket = socket_path(dir.path());
        assert_eq!(socket, dir.path().join(SOCKET_NAME));
        assert!(!show_open_window(&socket), "nothing is open yet");

        let listener = listen(&socket).unwrap();
        let (shown, knocks) = mpsc::channel();
        on_later_starts(listener, move || shown.send(()).unwrap());
        assert!(show_open_window(&socket));
        knocks
            .recv_timeout(Duration::from_secs(5))
            .expect("the open app was asked to show its window");
        assert!(
            listen(&socket).is_err(),
            "a second app cannot take over an open one's socket"
        );

        // A killed app leaves its socket file, which nobody answers.
        let dir = tempfile::tempdir().unwrap();
        let socket = socket_path(dir.path());
        drop(listen(&socket).unwrap());
        assert!(socket.exists());
        assert!(!show_open_window(&socket));
        let listener = listen(&socket).unwrap();
        let (shown, knocks) = mpsc::channel();
        on_later_starts(listener, move || shown.send(()).unwrap());
        assert!(show_open_window(&socket));
        knocks.recv_timeout(Duration::from_secs(5)).unwrap();
    }

    #[test]
    fn the_first_start_claims_the_directory_and_a_second_finds_it_open() {
        let parent = tempfile::tempdir().unwrap();
        // Not made yet: the first start on an empty machine.
        let dir = parent.path().join("hvemved");
        let Claim::First(listener, socket) = claim(&dir) else {
            panic!("the first start claims the directory")
        };
        assert_eq!(socket, dir.join(SOCKET_NAME));
        let (shown, knocks) = mpsc::channel();
        on_later_starts(listener, move || shown.send(()).unwrap());
        assert!(matches!(claim(&dir), Claim::AlreadyOpen));
        knocks.recv_timeout(Duration::from_secs(5)).unwrap();

        // A caller that connects and says nothing does not hold up the next.
        let _silent = UnixStream::connect(socket_path(&dir)).unwrap();
        knocks.recv_timeout(Duration::from_secs(5)).unwrap();
        assert!(matches!(claim(&dir), Claim::AlreadyOpen));
        knocks.recv_timeout(Duration::from_secs(5)).unwrap();
    }

    #[test]
    fn a_directory_too_deep_for_a_socket_path_listens_in_the_runtime_directory() {
        let deep = Path::new("/srv/kommune").join("mappe-med-et-meget-langt-navn".repeat(4));
        let socket = socket_path(&deep);
        assert!(
            socket.as_os_str().len() <= LONGEST_SOCKET_PATH,
            "{}",
            socket.display()
        );
        assert!(!socket.starts_with(&deep));
        assert_eq!(socket, socket_path(&deep), "the same directory, the same socket");
        assert_ne!(socket, socket_path(&deep.join("anden")));
    }
}
