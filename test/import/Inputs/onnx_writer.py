"""A minimal ONNX protobuf writer in plain Python (no onnx or protobuf
modules), for the test suite: it encodes ModelProto by hand from the field
numbers of onnx.proto, so the importer is checked against an encoder that
shares no code with it."""
import struct

FLOAT, INT64 = 1, 7          # TensorProto.DataType
ATTR_FLOAT, ATTR_INT, ATTR_TENSOR = 1, 2, 4  # AttributeProto.AttributeType


def _varint(value):
    value &= (1 << 64) - 1   # negative int64 as two's complement
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _key(field, wire):
    return _varint((field << 3) | wire)


def _int(field, value):
    return _key(field, 0) + _varint(value)


def _bytes(field, data):
    if isinstance(data, str):
        data = data.encode()
    return _key(field, 2) + _varint(len(data)) + data


def _float(field, value):
    return _key(field, 5) + struct.pack("<f", value)


def f32(value):
    """The float32 nearest to value, as a Python float."""
    return struct.unpack("<f", struct.pack("<f", value))[0]


def tensor(name, dims, values, data_type=FLOAT, raw=True):
    out = b"".join(_int(1, d) for d in dims) + _int(2, data_type)
    if name:
        out += _bytes(8, name)
    if data_type == FLOAT:
        packed = struct.pack("<%df" % len(values), *values)
        out += _bytes(9, packed) if raw else _bytes(4, packed)
    else:
        if raw:
            out += _bytes(9, struct.pack("<%dq" % len(values), *values))
        else:
            out += _bytes(7, b"".join(_varint(v) for v in values))
    return out


def attribute(name, value):
    out = _bytes(1, name)
    if isinstance(value, float):
        return out + _float(2, value) + _int(20, ATTR_FLOAT)
    if isinstance(value, int):
        return out + _int(3, value) + _int(20, ATTR_INT)
    return out + _bytes(5, value) + _int(20, ATTR_TENSOR)  # an encoded tensor


def node(op_type, inputs, outputs, name="", **attrs):
    out = b"".join(_bytes(1, i) for i in inputs)
    out += b"".join(_bytes(2, o) for o in outputs)
    if name:
        out += _bytes(3, name)
    out += _bytes(4, op_type)
    for key in sorted(attrs):
        out += _bytes(5, attribute(key, attrs[key]))
    return out


def value_info(name, dims, elem_type=FLOAT):
    """dims: ints for static sizes, strings for symbolic ones; None for an
    unknown shape."""
    tensor_type = _int(1, elem_type)
    if dims is not None:
        shape = b""
        for d in dims:
            dim = _bytes(2, d) if isinstance(d, str) else _int(1, d)
            shape += _bytes(1, dim)
        tensor_type += _bytes(2, shape)
    return _bytes(1, name) + _bytes(2, _bytes(1, tensor_type))


def model(nodes, initializers, inputs, outputs, opset=17, ir_version=8):
    graph = b"".join(_bytes(1, n) for n in nodes) + _bytes(2, "test-graph")
    graph += b"".join(_bytes(5, t) for t in initializers)
    graph += b"".join(_bytes(11, v) for v in inputs)
    graph += b"".join(_bytes(12, v) for v in outputs)
    out = _int(1, ir_version) + _bytes(2, "photon-test")
    out += _bytes(7, graph)
    out += _bytes(8, _bytes(1, "") + _int(2, opset))
    return out
