// Independent reference for Sim's ONNX importer (issue #9): ONNX Runtime, not Sim's code, computes every tensor's shape.
//
// Usage: node reference.mjs MODEL [INPUT] > out.json
//   INPUT is the shape of the model's one graph input, e.g. 1x3x640x640, optionally named: x=1x3x640x640
//   (default 1x3x640x640). Symbolic input dims (paddle2onnx exports have them) are replaced by these sizes.
//
// How: decode the model with onnx-proto, append every node's output (Constant outputs included, so that weight
// shapes are ORT-observed too) as a graph output, run onnxruntime-node on an all-zero input and read each output's
// dims. Constant nodes are then left out of the JSON to keep it small; every other node is listed in graph order.
//
// MACs (multiply-accumulates) per GEMM-like node, from the ORT-observed output shape and the weight's dims only:
//   Conv           W = [Cout, Cin/g, kh, kw(, ...)], Y = [N, Cout, Hout, Wout(, ...)]:
//                  MACs = N·Cout·Hout·Wout · Cin/g·kh·kw = Π(Y dims) · Π(W dims[1:])
//   ConvTranspose  X = [N, Cin, Hin, Win], W = [Cin, Cout/g, kh, kw]: every input pixel is scattered through its
//                  group's filters: MACs = N·Cin·Hin·Win · Cout/g·kh·kw = Π(X dims) · Π(W dims[1:])
//   MatMul         A = [..., M, K] (or [K]), Y = numpy-broadcast result: MACs = Π(Y dims) · K
//   Gemm           A = [M, K] (or [K, M] with transA=1), Y = [M, N]: MACs = M·N·K
// Bias additions, BatchNormalization, elementwise ops, pooling and Softmax count no MACs here. The totals per op
// type and the grand total are sums of the per-node values.
//
// Output JSON (one node per line so diffs stay readable): generator, onnxruntime_node version, model file name and
// sha256, input {name, shape}, node_count (all nodes), constant_count, total_macs, macs_by_op_type, nodes:
// [{index (position in graph.node, Constants counted), name, op_type, outputs: [{name, shape}], weight_shape?, macs?}].
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const require = createRequire(import.meta.url);
const ortVersion = require('onnxruntime-node/package.json').version;

function fail(message) {
  process.stderr.write(`reference.mjs: ${message}\n`);
  process.exit(2);
}

const [modelPath, inputArg = '1x3x640x640'] = process.argv.slice(2);
if (!modelPath) fail('usage: node reference.mjs MODEL [INPUT=1x3x640x640] > out.json');
if (!fs.existsSync(modelPath)) fail(`${modelPath}: file not found`);

const bytes = fs.readFileSync(modelPath);
const model = onnx.ModelProto.decode(bytes);
const graph = model.graph;

const initializerNames = new Set(graph.initializer.map((t) => t.name));
const graphInputs = graph.input.filter((i) => !initializerNames.has(i.name));
if (graphInputs.length !== 1) fail(`expected one graph input, found ${graphInputs.map((i) => i.name).join(', ')}`);
const input = graphInputs[0];

const [namePart, shapePart] = inputArg.includes('=') ? inputArg.split('=') : [input.name, inputArg];
if (namePart !== input.name) fail(`the model's input is '${input.name}', not '${namePart}'`);
const inputShape = shapePart.split('x').map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) fail(`'${shapePart}' is not a shape like 1x3x640x640`);
  return n;
});
const declaredDims = input.type.tensorType.shape.dim;
if (declaredDims.length !== inputShape.length) fail(`input '${input.name}' has rank ${declaredDims.length}, got ${inputShape.length} sizes`);
declaredDims.forEach((d, i) => {
  if (d.dimValue != null && Number(d.dimValue) !== 0 && Number(d.dimValue) !== inputShape[i])
    fail(`input dim ${i} is fixed at ${d.dimValue} in the model, got ${inputShape[i]}`);
});
if (input.type.tensorType.elemType !== onnx.TensorProto.DataType.FLOAT) fail(`input '${input.name}' is not float32`);

// Every node output becomes a graph output, so ORT returns its real shape.
const requested = new Set(graph.output.map((o) => o.name));
for (const node of graph.node) {
  for (const o of node.output) {
    if (o && !requested.has(o)) {
      graph.output.push(onnx.ValueInfoProto.create({ name: o }));
      requested.add(o);
    }
  }
}

const session = await ort.InferenceSession.create(onnx.ModelProto.encode(model).finish());
const size = inputShape.reduce((a, b) => a * b, 1);
const results = await session.run({ [input.name]: new ort.Tensor('float32', new Float32Array(size), inputShape) });

const shapes = new Map([[input.name, inputShape]]);
for (const [name, tensor] of Object.entries(results)) shapes.set(name, tensor.dims.map(Number));
for (const t of graph.initializer) shapes.set(t.name, t.dims.map(Number));

// Sanity: a Constant's ORT shape must equal the dims stored in its TensorProto.
for (const node of graph.node.filter((n) => n.opType === 'Constant')) {
  const value = node.attribute.find((a) => a.name === 'value');
  if (!value?.t) continue;
  const stored = value.t.dims.map(Number).join('x');
  const observed = shapeOf(node.output[0]).join('x');
  if (stored !== observed) fail(`Constant '${node.output[0]}': stored dims ${stored}, ORT returned ${observed}`);
}

function shapeOf(name) {
  const s = shapes.get(name);
  if (!s) fail(`ORT returned no shape for tensor '${name}'`);
  return s;
}

const product = (dims) => dims.reduce((a, d) => a * BigInt(d), 1n);
const attr = (node, name, fallback) => {
  const a = node.attribute.find((x) => x.name === name);
  return a ? Number(a.i) : fallback;
};

// Returns [macs, weightShape] for GEMM-like nodes, null for the rest.
function macsOf(node) {
  const y = shapeOf(node.output[0]);
  switch (node.opType) {
    case 'Conv': {
      const w = shapeOf(node.input[1]);
      return [product(y) * product(w.slice(1)), w];
    }
    case 'ConvTranspose': {
      const w = shapeOf(node.input[1]);
      return [product(shapeOf(node.input[0])) * product(w.slice(1)), w];
    }
    case 'MatMul': {
      const a = shapeOf(node.input[0]);
      return [product(y) * BigInt(a[a.length - 1]), shapeOf(node.input[1])];
    }
    case 'Gemm': {
      const a = shapeOf(node.input[0]);
      const k = attr(node, 'transA', 0) ? a[0] : a[1];
      return [BigInt(y[0]) * BigInt(y[1]) * BigInt(k), shapeOf(node.input[1])];
    }
    default:
      return null;
  }
}

const toNumber = (big) => {
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) fail(`MAC count ${big} exceeds 2^53; JSON numbers would round it`);
  return Number(big);
};

const nodes = [];
const byType = {};
let total = 0n;
graph.node.forEach((node, index) => {
  if (node.opType === 'Constant') return;
  const entry = {
    index,
    name: node.name,
    op_type: node.opType,
    outputs: node.output.filter((o) => o).map((o) => ({ name: o, shape: shapeOf(o) })),
  };
  const macs = macsOf(node);
  if (macs) {
    entry.weight_shape = macs[1];
    entry.macs = toNumber(macs[0]);
    byType[node.opType] = (byType[node.opType] ?? 0n) + macs[0];
    total += macs[0];
  }
  nodes.push(entry);
});

const sortedByType = Object.fromEntries(Object.keys(byType).sort().map((k) => [k, toNumber(byType[k])]));
const header = {
  generator: 'scripts/onnx-reference/reference.mjs',
  onnxruntime_node: ortVersion,
  model: path.basename(modelPath),
  model_sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
  input: { name: input.name, shape: inputShape },
  node_count: graph.node.length,
  constant_count: graph.node.length - nodes.length,
  total_macs: toNumber(total),
  macs_by_op_type: sortedByType,
};
const lines = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
lines.push(`  "nodes": [\n${nodes.map((n) => `    ${JSON.stringify(n)}`).join(',\n')}\n  ]`);
process.stdout.write(`{\n${lines.join(',\n')}\n}\n`);
