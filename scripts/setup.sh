#!/usr/bin/env bash
# Installs sprawl's build dependencies from Debian 12 packages. Idempotent:
# when every package is already installed it does nothing (no apt-get update).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libvectorscan-dev libre2-dev libgit2-dev libcli11-dev libfmt-dev catch2
  libyaml-cpp-dev nlohmann-json3-dev libssl-dev zlib1g-dev
  ripgrep
  libcurl4-openssl-dev libcpp-httplib-dev  # live verification; its loopback HTTPS tests
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Intel's libhyperscan-dev provides the same API; accept it instead of vectorscan.
if [[ " ${missing[*]-} " == *" libvectorscan-dev "* ]] &&
   dpkg-query -W -f='${Status}' libhyperscan-dev 2>/dev/null | grep -q "install ok installed"; then
  missing=("${missing[@]/libvectorscan-dev/}")
fi

want=()
for p in "${missing[@]-}"; do [[ -n "$p" ]] && want+=("$p"); done
if ((${#want[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "setup: installing ${want[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
