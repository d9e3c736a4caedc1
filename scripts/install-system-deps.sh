#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the tests drive for real: Chromium for the end-to-end tests,
# and the devices and tools later suites use (SANE test backend, SoftHSM2, OpenSC, Poppler, libusb,
# Liberation fonts, ImageMagick and OpenSSL as bench baselines). Installs only what is missing; needs root or sudo.
set -euo pipefail

packages=(chromium fonts-liberation2 poppler-utils sane-utils softhsm2 opensc libusb-1.0-0 imagemagick openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${packages[*]})"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
  echo "error: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
# Ubuntu ships chromium as a snap stub; Debian's package is the real browser.
echo "installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
