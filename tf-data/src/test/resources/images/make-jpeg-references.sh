#!/usr/bin/env bash
# Makes the JPEG fixtures of JpegDecodingTest and their references, with libjpeg-turbo's cjpeg and djpeg:
#   colour-baseline.jpg, colour-progressive.jpg, colour-444.jpg  from source-colour.ppm (45x37, made by hand)
#   grey.jpg                                                     from source-grey.pgm
# and next to each, djpeg's decoding of it: NAME.ppm (binary P6) or NAME.pgm (binary P5). The test asserts that
# ImageDecoder's every sample is within 2/255 of djpeg's.
#
# Installs nothing: fetches the Debian packages into a temporary folder with `apt-get download` and unpacks them
# with `dpkg-deb -x` (run as root on a Debian machine; `apt-get update` first if the package lists are missing).
# Made with libjpeg-turbo 1:2.1.5-2 (Debian bookworm).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

packages=(libjpeg-turbo-progs libturbojpeg0 libjpeg62-turbo)
(cd "$tmp" && apt-get download "${packages[@]}") || (apt-get update && cd "$tmp" && apt-get download "${packages[@]}")
for deb in "$tmp"/*.deb; do
  dpkg-deb -x "$deb" "$tmp/root"
done
lib="$(dirname "$(find "$tmp/root" -name 'libjpeg.so.62*' | head -n 1)")"
tool() {
  LD_LIBRARY_PATH="$lib" "$tmp/root/usr/bin/$1" "${@:2}"
}

cd "$here"
tool cjpeg -quality 90 -outfile colour-baseline.jpg source-colour.ppm
tool cjpeg -quality 90 -progressive -outfile colour-progressive.jpg source-colour.ppm
tool cjpeg -quality 95 -sample 1x1 -outfile colour-444.jpg source-colour.ppm
tool cjpeg -quality 90 -outfile grey.jpg source-grey.pgm

# -dct int: the accurate integer IDCT (the default, said for clarity); fancy upsampling (the default) for 4:2:0
for name in colour-baseline colour-progressive colour-444; do
  tool djpeg -dct int -pnm -outfile "$name.ppm" "$name.jpg"
done
tool djpeg -dct int -pnm -outfile grey.pgm grey.jpg
