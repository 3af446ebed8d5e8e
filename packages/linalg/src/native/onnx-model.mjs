// A one-node ONNX model, written as protobuf bytes by hand (no protobuf dependency): Y = op(A)·op(B) with symbolic
// dimensions, for the native GEMM provider (gemm-native.mjs). The schema is ONNX's onnx.proto (public, stable since IR 3):
//   ModelProto { ir_version = 1; producer_name = 2; graph = 7; opset_import = 8 }
//   OperatorSetIdProto { domain = 1; version = 2 }
//   GraphProto { node = 1; name = 2; input = 11; output = 12 }
//   NodeProto { input = 1; output = 2; name = 3; op_type = 4; attribute = 5 }
//   AttributeProto { name = 1; i = 3; type = 20 (INT = 2) }
//   ValueInfoProto { name = 1; type = 2 } · TypeProto { tensor_type = 1 } · TypeProto.Tensor { elem_type = 1; shape = 2 }
//   TensorShapeProto { dim = 1 } · Dimension { dim_value = 1; dim_param = 2 }
// Wire format: each field is a varint key (field << 3 | wire type; 0 varint, 2 length-delimited) and its payload.

/** ONNX TensorProto.DataType codes. */
export const ONNX_FLOAT = 1;
export const ONNX_DOUBLE = 11;

function varint(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

/** Field `f` as a varint. */
function vField(f, n) {
  return [...varint((f << 3) | 0), ...varint(n)];
}

/** Field `f` as length-delimited bytes (a string, or an embedded message given as a byte array). */
function bField(f, payload) {
  const bytes = typeof payload === 'string' ? [...Buffer.from(payload, 'utf8')] : payload;
  return [...varint((f << 3) | 2), ...varint(bytes.length), ...bytes];
}

function tensorValueInfo(name, elemType, dims) {
  const shape = dims.flatMap((d) => bField(1, typeof d === 'number' ? vField(1, d) : bField(2, d)));
  const tensor = [...vField(1, elemType), ...bField(2, shape)];
  return [...bField(1, name), ...bField(2, bField(1, tensor))];
}

/**
 * The model bytes of Y = op(A)·op(B) for one element type (ONNX_FLOAT or ONNX_DOUBLE), A and B 2-D with symbolic
 * dimensions. Without transposes the node is `MatMul`; with either it is `Gemm` (transA/transB attributes, no C input).
 * @param {number} elemType
 * @param {{ transA?: boolean, transB?: boolean }} [opts]
 * @returns {Uint8Array}
 */
export function gemmModel(elemType, opts = {}) {
  const transA = opts.transA === true;
  const transB = opts.transB === true;
  const gemm = transA || transB;
  const attrs = [];
  if (transA) attrs.push(...bField(5, [...bField(1, 'transA'), ...vField(3, 1), ...vField(20, 2)]));
  if (transB) attrs.push(...bField(5, [...bField(1, 'transB'), ...vField(3, 1), ...vField(20, 2)]));
  const node = [...bField(1, 'A'), ...bField(1, 'B'), ...bField(2, 'Y'), ...bField(3, 'gemm'), ...bField(4, gemm ? 'Gemm' : 'MatMul'), ...attrs];
  const graph = [
    ...bField(1, node),
    ...bField(2, 'repro-gemm'),
    ...bField(11, tensorValueInfo('A', elemType, transA ? ['K', 'M'] : ['M', 'K'])),
    ...bField(11, tensorValueInfo('B', elemType, transB ? ['N', 'K'] : ['K', 'N'])),
    ...bField(12, tensorValueInfo('Y', elemType, ['M', 'N'])),
  ];
  const model = [...vField(1, 8), ...bField(2, 'repro'), ...bField(7, graph), ...bField(8, [...bField(1, ''), ...vField(2, 13)])];
  return Uint8Array.from(model);
}
