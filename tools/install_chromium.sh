#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests, if it is missing and we can.
# Never fails: without Chromium the browser tests skip and say why.
set -u
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium (Debian) for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; then
    echo "chromium installed: $(command -v chromium)"
    exit 0
  fi
fi
echo "note: no Chromium (needs root and apt-get); the browser tests will be skipped"
exit 0
