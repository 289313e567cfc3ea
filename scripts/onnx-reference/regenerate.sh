#!/usr/bin/env bash
# Regenerates the committed ONNX Runtime reference fixtures (tests/Sim.Explorer.Tests/Import/Onnx/Reference/*.json)
# from the OCR models: fetches the models (cached), installs the pinned packages, runs reference.mjs per model.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/tests/Sim.Explorer.Tests/Import/Onnx/Reference"
MODELS="$("$ROOT/scripts/fetch-ocr-models.sh")"
(cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund --silent)
mkdir -p "$OUT"
# model file, input shape (batch 1; det at 640x640, rec at PP-OCR's 48x320, cls at its 48x192)
while read -r model shape; do
  node "$HERE/reference.mjs" "$MODELS/$model.onnx" "$shape" >"$OUT/$model.$shape.json"
  echo "wrote $OUT/$model.$shape.json"
done <<'LIST'
ch_PP-OCRv4_det_infer 1x3x640x640
ch_PP-OCRv4_rec_infer 1x3x48x320
ch_ppocr_mobile_v2.0_cls_infer 1x3x48x192
LIST
