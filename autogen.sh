#!/bin/sh
# Regenerate the build system from a git checkout (a release tarball does not need this).
set -e
cd "$(dirname "$0")"
exec autoreconf --force --install --verbose
