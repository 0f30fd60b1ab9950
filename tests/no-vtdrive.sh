#!/bin/sh
# Stands in for vtdrive when libvterm was not found at configure time.
echo "1..0 # SKIP libvterm not found: apt-get install libvterm-dev and re-run configure"
