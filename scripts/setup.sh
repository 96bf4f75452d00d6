#!/usr/bin/env bash
# Installs what building Hvem ved? needs on a Debian 12 machine and is not
# there yet: system packages through apt-get (with sudo when not root) and a
# Rust toolchain through rustup. Sourced by run.sh and test.sh; safe to rerun.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages the build and the tests need: the compiler, WebKitGTK for
# the desktop window, and for the tests Xvfb, the WebKit WebDriver, Chromium
# and Node.js (for the browser tests' Playwright and axe-core).
HVEMVED_APT_PACKAGES=(build-essential pkg-config curl ca-certificates git python3 python3-venv
  libwebkit2gtk-4.1-dev xvfb xauth webkit2gtk-driver chromium)
# strace: the network test watches every connection the app's processes make.
HVEMVED_APT_PACKAGES+=(strace)
# xwd: the desktop test reads what the window shows from the X server.
HVEMVED_APT_PACKAGES+=(x11-apps)
command -v node >/dev/null 2>&1 || HVEMVED_APT_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || HVEMVED_APT_PACKAGES+=(npm)

missing=()
for pkg in "${HVEMVED_APT_PACKAGES[@]}" ${HVEMVED_EXTRA_APT_PACKAGES:-}; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian's own cargo is too old for the crates used; rustup brings a current one.
if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "Installing the Rust toolchain with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt,clippy
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1; then
    rustup component add "$component"
  fi
done

# Tools installed with `cargo install` live here.
export PATH="$HOME/.cargo/bin:$PATH"

# The desktop end-to-end tests drive the window through tauri-driver.
if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked --quiet
fi
