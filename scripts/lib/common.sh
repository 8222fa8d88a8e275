# Shared by the check scripts (source it after setting `root` to the repository).

# Builds the debug `sitegen` (quietly, unless it fails) and prints the binary's path.
sitegen_binary() {
  if ! (cd "$root" && swift build --product sitegen >/dev/null 2>&1); then
    (cd "$root" && swift build --product sitegen >&2) || return 1   # again, to show why it failed
  fi
  echo "$(cd "$root" && swift build --show-bin-path)/sitegen"
}

# A free TCP port on loopback: bind port 0 and read what the kernel chose.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Installs Debian's chromium when missing (scripts/setup.sh --browser) and prints its path; fails with a
# message naming the calling check ($1) when it cannot.
chromium_binary() {
  "$root/scripts/setup.sh" --browser >&2
  command -v chromium || { echo "$1: chromium is not installed and could not be installed" >&2; return 1; }
}

# Makes the venv $1 (outside the repository) with PyPI's package $2, unless the command that follows
# already succeeds: ensure_pypi_venv "$venv" nbformat "$venv/bin/python" -c 'import nbformat'
ensure_pypi_venv() {
  local venv="$1" package="$2"
  shift 2
  if ! "$@" >/dev/null 2>&1; then
    echo "$(basename "$0" .sh): installing $package into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "$package"
  fi
}

# Copies what a build reads (the site config, content/ and templates/) into the scratch project folder $1,
# so a check can edit lessons and build there without touching the repository.
copy_project() {
  mkdir -p "$1"
  cp -R "$root/sitegen.yml" "$root/content" "$root/templates" "$1/"
}
