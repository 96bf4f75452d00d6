//! `hvemved serve`: the HTTP face. Serves the UI embedded in the binary and
//! `POST /api/<command>`, dispatched to the core's one command list — the
//! same list the desktop app calls. Bound to loopback by default.
//!
//! Each connection is read and answered on a thread of its own, so a slow or
//! idle browser connection never holds up another. Searches are answered
//! on the connection's thread through the directory's search handle, so
//! they keep answering while an import runs; every other API call is passed
//! to the one thread that owns the directory, since it has one writer. Every
//! response closes its connection, which keeps this small server free of
//! keep-alive bookkeeping.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc;
use std::time::Duration;

use hvemved_core::api::{Directory, MAX_BUNDLE_BYTES};
use hvemved_core::hr_import::ImportProgress;
use hvemved_core::long_commands::{dispatch_with, CallContext};
use hvemved_core::search_handle::SearchHandle;
use hvemved_core::{CoreError, ErrorPayload};

mod assets {
    include!(concat!(env!("OUT_DIR"), "/ui_files.rs"));
}

/// The UI's own policy: nothing from anywhere but this server.
const CSP: &str = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
                   frame-ancestors 'none'; form-action 'self'";
const MAX_HEAD_BYTES: usize = 64 * 1024;
const MAX_BODY_BYTES: u64 = MAX_BUNDLE_BYTES * 2;
const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// How often, when no call comes, the searches answered beside the writer
/// are stored in the audit log and the database's page caches emptied.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

struct HttpRequest {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl HttpRequest {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

struct HttpResponse {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

/// What the directory's thread sends back for one API call: progress of a
/// long import (only when the client asked for it), then the answer.
enum Reply {
    Progress(ImportProgress),
    Done(HttpResponse),
}

struct ApiCall {
    command: String,
    args: serde_json::Value,
    wants_progress: bool,
    reply: mpsc::Sender<Reply>,
}

/// A client that sends `Accept: application/x-ndjson` gets progress lines
/// (`{"progress":{…}}`) while a long import runs, then one line with the
/// answer (`{"status":200,"body":…}`).
const PROGRESS_STREAM: &str = "application/x-ndjson";

/// How a connection is answered: at once, or as a stream of progress.
enum Answer {
    Whole(HttpResponse),
    Streamed(mpsc::Receiver<Reply>),
}

pub fn serve(
    directory: &mut Directory,
    addr: SocketAddr,
    mut ready: impl FnMut(SocketAddr),
) -> Result<(), CoreError> {
    let listener = TcpListener::bind(addr).map_err(|e| CoreError::io(addr.to_string(), e))?;
    let bound = listener
        .local_addr()
        .map_err(|e| CoreError::io(addr.to_string(), e))?;
    let (calls, queue) = mpsc::channel::<ApiCall>();
    let searches = directory.search_handle();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let calls = calls.clone();
            let searches = searches.clone();
            std::thread::spawn(move || connection(stream, bound, calls, &searches));
        }
    });
    ready(bound);
    loop {
        // Between calls, the searches answered on the connections' threads
        // go into the audit log, and the pages a call or a search read
        // (opening the directory reads every person) are let go: the
        // operating system's file cache still has them.
        let call = match queue.recv_timeout(UPKEEP_EVERY) {
            Ok(call) => call,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = directory.store_searches(false);
                let _ = directory.release_caches();
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        let reply = call.reply.clone();
        let mut progress = |step: ImportProgress| {
            if call.wants_progress {
                let _ = reply.send(Reply::Progress(step));
            }
        };
        let context = CallContext {
            picked_file: None,
            progress: &mut progress,
        };
        let response = api_response(dispatch_with(directory, &call.command, call.args, context));
        let _ = call.reply.send(Reply::Done(response));
    }
    Ok(())
}

fn connection(
    mut stream: TcpStream,
    bound: SocketAddr,
    calls: mpsc::Sender<ApiCall>,
    searches: &SearchHandle,
) {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let answer = match read_request(&mut stream) {
        Ok(request) => route(request, bound, &calls, searches),
        Err(response) => Answer::Whole(response),
    };
    // The client may have gone away; there is no one left to tell.
    let _ = match answer {
        Answer::Whole(response) => write_response(&mut stream, &response),
        Answer::Streamed(replies) => write_progress_stream(&mut stream, replies),
    };
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

fn route(
    request: HttpRequest,
    bound: SocketAddr,
    calls: &mpsc::Sender<ApiCall>,
    searches: &SearchHandle,
) -> Answer {
    match route_request(request, bound, calls, searches) {
        Ok(answer) => answer,
        Err(response) => Answer::Whole(response),
    }
}

fn route_request(
    request: HttpRequest,
    bound: SocketAddr,
    calls: &mpsc::Sender<ApiCall>,
    searches: &SearchHandle,
) -> Result<Answer, HttpResponse> {
    // A page elsewhere must not reach the directory through the user's
    // browser: only requests addressed to this host and port are answered
    // (against DNS rebinding), and API calls must be JSON (against forms).
    if !host_is_ours(request.header("Host"), bound) {
        return Err(error(
            421,
            "misdirected",
            "this server answers only requests addressed to it",
        ));
    }
    let path = request.path.split('?').next().unwrap_or("/").to_string();
    match (request.method.as_str(), path.strip_prefix("/api/")) {
        ("POST", Some(command)) => {
            let json = request
                .header("Content-Type")
                .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/json"));
            if !json {
                return Err(error(
                    415,
                    "unsupported_media_type",
                    "API calls must send Content-Type: application/json",
                ));
            }
            let args = json_args(&request.body)?;
            if SearchHandle::answers(command) {
                return Ok(Answer::Whole(api_response(searches.dispatch(command, args))));
            }
            let wants_progress = request
                .header("Accept")
                .is_some_and(|accept| accept.to_ascii_lowercase().contains(PROGRESS_STREAM));
            let (reply, replies) = mpsc::channel();
            let call = ApiCall {
                command: command.to_string(),
                args,
                wants_progress,
                reply,
            };
            if calls.send(call).is_err() {
                return Err(error(503, "unavailable", "the server is stopping"));
            }
            if wants_progress {
                return Ok(Answer::Streamed(replies));
            }
            let answer = loop {
                match replies.recv() {
                    Ok(Reply::Done(response)) => break response,
                    Ok(Reply::Progress(_)) => continue,
                    Err(_) => break error(500, "internal", "the request was not answered"),
                }
            };
            Ok(Answer::Whole(answer))
        }
        (_, Some(_)) => Err(error(405, "method_not_allowed", "API calls use POST")),
        ("GET" | "HEAD", None) => Ok(Answer::Whole(asset(&path, request.method == "HEAD"))),
        _ => Err(error(405, "method_not_allowed", "only GET for pages")),
    }
}

/// The arguments of an API call: its JSON body, or nothing.
fn json_args(body: &[u8]) -> Result<serde_json::Value, HttpResponse> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(serde_json::Value::Null);
    }
    serde_json::from_slice(body)
        .map_err(|e| error(400, "malformed_json", &format!("the request is not JSON: {e}")))
}

fn api_response(answered: Result<serde_json::Value, CoreError>) -> HttpResponse {
    match answered {
        Ok(value) => json(200, &value),
        Err(e) => {
            let status = match &e {
                CoreError::PersonNotFound(_) => 404,
                CoreError::Forbidden(_) => 403,
                CoreError::DiskFull { .. } => 507,
                e if e.is_user_error() => 400,
                _ => 500,
            };
            json(status, &e.payload())
        }
    }
}

fn read_request(stream: &mut TcpStream) -> Result<HttpRequest, HttpResponse> {
    let bad = |message: &str| error(400, "bad_request", message);
    let mut reader = BufReader::new(stream.try_clone().map_err(|_| bad("the connection failed"))?);
    let mut head_bytes = 0;
    let mut line = String::new();
    let mut read_line = |line: &mut String| -> Result<(), HttpResponse> {
        line.clear();
        let n = (&mut reader)
            .take((MAX_HEAD_BYTES - head_bytes) as u64)
            .read_line(line)
            .map_err(|_| error(400, "bad_request", "the request could not be read"))?;
        head_bytes += n;
        if n == 0 || head_bytes >= MAX_HEAD_BYTES {
            return Err(error(
                431,
                "too_large",
                "the request head is too large or cut off",
            ));
        }
        Ok(())
    };
    read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (Some(method), Some(path), Some(_version)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad("the request line is malformed"));
    };
    let (method, path) = (method.to_string(), path.to_string());
    let mut headers = Vec::new();
    loop {
        read_line(&mut line)?;
        let trimmed = line.trim_end_matches(['\r', '\n']);
        if trimmed.is_empty() {
            break;
        }
        let Some((name, value)) = trimmed.split_once(':') else {
            return Err(bad("a header line is malformed"));
        };
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    let mut request = HttpRequest {
        method,
        path,
        headers,
        body: Vec::new(),
    };
    let length: u64 = match request.header("Content-Length") {
        Some(value) => value.parse().map_err(|_| bad("Content-Length is not a number"))?,
        None => 0,
    };
    if length > MAX_BODY_BYTES {
        return Err(error(413, "too_large", "the request is too large"));
    }
    if request
        .header("Expect")
        .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
    {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    reader
        .take(length)
        .read_to_end(&mut request.body)
        .map_err(|_| bad("the request body could not be read"))?;
    if (request.body.len() as u64) < length {
        return Err(bad("the request body was cut off"));
    }
    Ok(request)
}

fn write_response(stream: &mut TcpStream, response: &HttpResponse) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", response.status, reason(response.status));
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        response.body.len()
    ));
    stream.write_all(head.as_bytes())?;
    stream.write_all(&response.body)?;
    stream.flush()
}

/// Writes each progress step as a line of JSON as it comes, then the answer.
fn write_progress_stream(stream: &mut TcpStream, replies: mpsc::Receiver<Reply>) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {PROGRESS_STREAM}; charset=utf-8\r\nCache-Control: no-store\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes())?;
    stream.flush()?;
    for reply in replies {
        let line = match reply {
            Reply::Progress(step) => serde_json::json!({ "progress": step }),
            Reply::Done(response) => {
                let body: serde_json::Value = serde_json::from_slice(&response.body).unwrap_or_default();
                serde_json::json!({ "status": response.status, "body": body })
            }
        };
        let mut bytes = serde_json::to_vec(&line).expect("progress serialises");
        bytes.push(b'\n');
        stream.write_all(&bytes)?;
        stream.flush()?;
    }
    Ok(())
}

fn asset(path: &str, head_only: bool) -> HttpResponse {
    let path = match path.trim_start_matches('/') {
        "" => "index.html",
        other => other,
    };
    match assets::UI_FILES.iter().find(|(name, _)| *name == path) {
        Some((name, bytes)) => HttpResponse {
            status: 200,
            headers: vec![
                ("Content-Type", content_type(name).to_string()),
                ("Content-Security-Policy", CSP.to_string()),
                ("X-Content-Type-Options", "nosniff".to_string()),
                ("Referrer-Policy", "no-referrer".to_string()),
            ],
            body: if head_only { Vec::new() } else { bytes.to_vec() },
        },
        None => error(404, "not_found", "no such page"),
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") | Some("mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn json(status: u16, value: &impl serde::Serialize) -> HttpResponse {
    HttpResponse {
        status,
        headers: vec![
            ("Content-Type", "application/json; charset=utf-8".to_string()),
            ("Cache-Control", "no-store".to_string()),
        ],
        body: serde_json::to_vec(value).expect("answers serialise"),
    }
}

fn error(status: u16, kind: &str, message: &str) -> HttpResponse {
    json(status, &ErrorPayload::new(kind, message.to_string()))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        507 => "Insufficient Storage",
        _ => "Internal Server Error",
    }
}

fn host_is_ours(host: Option<&str>, bound: SocketAddr) -> bool {
    let Some(host) = host else { return false };
    let port = bound.port();
    [
        format!("{}:{port}", bound.ip()),
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ]
    .iter()
    .any(|allowed| allowed.eq_ignore_ascii_case(host))
}
