//! `hvemved serve`: the HTTP face. Serves the UI embedded in the binary and
//! `POST /api/<command>`, dispatched to the core's one command list — the
//! same list the desktop app calls. Bound to loopback by default; requests
//! are handled one at a time, as the directory has one writer.

use std::io::Read;
use std::net::SocketAddr;

use hvemved_core::api::{dispatch, Directory, MAX_BUNDLE_BYTES};
use hvemved_core::{CoreError, ErrorPayload};
use tiny_http::{Header, Method, Request, Response, Server};

mod assets {
    include!(concat!(env!("OUT_DIR"), "/ui_files.rs"));
}

/// The UI's own policy: nothing from anywhere but this server.
const CSP: &str = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

pub fn serve(
    directory: &mut Directory,
    addr: SocketAddr,
    mut ready: impl FnMut(SocketAddr),
) -> Result<(), CoreError> {
    let server =
        Server::http(addr).map_err(|e| CoreError::InvalidInput(format!("cannot listen on {addr}: {e}")))?;
    let bound = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| CoreError::InvalidInput(format!("cannot listen on {addr}")))?;
    ready(bound);
    for request in server.incoming_requests() {
        handle(directory, bound, request);
    }
    Ok(())
}

fn handle(directory: &mut Directory, bound: SocketAddr, mut request: Request) {
    // A page elsewhere must not reach the directory through the user's
    // browser: only requests addressed to this host and port are answered
    // (against DNS rebinding), and API calls must be JSON (against forms).
    if !host_is_ours(&request, bound) {
        respond(
            request,
            error(
                421,
                "misdirected",
                "this server answers only requests addressed to it",
            ),
        );
        return;
    }
    let url = request.url().split('?').next().unwrap_or("/").to_string();
    let response = match (request.method(), url.strip_prefix("/api/")) {
        (Method::Post, Some(command)) => {
            let command = command.to_string();
            if !is_json(&request) {
                error(
                    415,
                    "unsupported_media_type",
                    "API calls must send Content-Type: application/json",
                )
            } else {
                match read_body(&mut request) {
                    Ok(args) => api(directory, &command, args),
                    Err(response) => response,
                }
            }
        }
        (_, Some(_)) => error(405, "method_not_allowed", "API calls use POST"),
        (Method::Get | Method::Head, None) => asset(&url),
        _ => error(405, "method_not_allowed", "only GET for pages"),
    };
    respond(request, response);
}

fn api(
    directory: &mut Directory,
    command: &str,
    args: serde_json::Value,
) -> Response<std::io::Cursor<Vec<u8>>> {
    match dispatch(directory, command, args) {
        Ok(value) => json(200, &value),
        Err(e) => {
            let status = match &e {
                CoreError::PersonNotFound(_) => 404,
                e if e.is_user_error() => 400,
                _ => 500,
            };
            json(status, &e.payload())
        }
    }
}

fn read_body(request: &mut Request) -> Result<serde_json::Value, Response<std::io::Cursor<Vec<u8>>>> {
    let mut body = Vec::new();
    let limit = MAX_BUNDLE_BYTES * 2;
    request
        .as_reader()
        .take(limit + 1)
        .read_to_end(&mut body)
        .map_err(|e| error(400, "bad_request", &format!("the request could not be read: {e}")))?;
    if body.len() as u64 > limit {
        return Err(error(413, "too_large", "the request is too large"));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(serde_json::Value::Null);
    }
    serde_json::from_slice(&body)
        .map_err(|e| error(400, "malformed_json", &format!("the request is not JSON: {e}")))
}

fn asset(url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let path = match url.trim_start_matches('/') {
        "" => "index.html",
        other => other,
    };
    match assets::UI_FILES.iter().find(|(name, _)| *name == path) {
        Some((name, bytes)) => {
            let mut response = Response::from_data(bytes.to_vec()).with_status_code(200);
            response.add_header(header("Content-Type", content_type(name)));
            response.add_header(header("Content-Security-Policy", CSP));
            response.add_header(header("X-Content-Type-Options", "nosniff"));
            response.add_header(header("Referrer-Policy", "no-referrer"));
            response
        }
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

fn json(status: u16, value: &impl serde::Serialize) -> Response<std::io::Cursor<Vec<u8>>> {
    let body = serde_json::to_vec(value).expect("answers serialise");
    let mut response = Response::from_data(body).with_status_code(status);
    response.add_header(header("Content-Type", "application/json; charset=utf-8"));
    response.add_header(header("Cache-Control", "no-store"));
    response
}

fn error(status: u16, kind: &str, message: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    json(
        status,
        &ErrorPayload {
            kind: kind.to_string(),
            message: message.to_string(),
            details: Vec::new(),
        },
    )
}

fn respond(request: Request, response: Response<std::io::Cursor<Vec<u8>>>) {
    // The client may have gone away; there is no one left to tell.
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static headers are valid")
}

fn is_json(request: &Request) -> bool {
    request.headers().iter().any(|h| {
        h.field.equiv("Content-Type")
            && h.value
                .as_str()
                .to_ascii_lowercase()
                .starts_with("application/json")
    })
}

fn host_is_ours(request: &Request, bound: SocketAddr) -> bool {
    let Some(host) = request.headers().iter().find(|h| h.field.equiv("Host")) else {
        return false;
    };
    let host = host.value.as_str();
    let port = bound.port().to_string();
    let allowed = [
        format!("{}:{port}", bound.ip()),
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ];
    allowed.iter().any(|a| a.eq_ignore_ascii_case(host))
}
