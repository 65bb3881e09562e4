"""Helpers shared by the EchoBench export scripts: SHA-256 of a file, a safetensors writer and the
model.json manifest that EchoBench reads beside exported weights (format echobench-export/1).

Only the Python standard library and torch are used; the safetensors layout (8-byte little-endian
header length, a JSON header naming each tensor's dtype, shape and byte range, then the raw
little-endian bytes) is written directly, so the `safetensors` package is not needed.
"""
import datetime
import hashlib
import json
import os
import struct

import torch

MANIFEST = "model.json"
FORMAT = "echobench-export/1"
LAYOUT = "B,C,T,H,W"
IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]

_DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16"}


def sha256(path):
    """The SHA-256 of the file's bytes, hexadecimal (what sha256sum prints)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def safetensors_dtype(tensor):
    """The safetensors dtype of a floating tensor EchoBench reads, or None for any other."""
    return _DTYPES.get(tensor.dtype)


def write_safetensors(path, tensors):
    """Writes name -> floating tensor (F32, F16 or BF16), in the given order, to path."""
    header = {}
    offset = 0
    blobs = []
    for name, tensor in tensors.items():
        dtype = safetensors_dtype(tensor)
        if dtype is None:
            raise ValueError("%s: dtype %s cannot be written" % (name, tensor.dtype))
        t = tensor.detach().to("cpu").contiguous()
        if t.dtype == torch.bfloat16:  # numpy has no bfloat16: take the same bits as int16
            data = t.view(torch.int16).numpy().astype("<i2").tobytes()
        else:
            data = t.numpy().astype("<f4" if dtype == "F32" else "<f2", copy=False).tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    temporary = path + ".part"
    with open(temporary, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)
    os.replace(temporary, path)


def manifest(family, weights_file, kind, frames, resolution, value_range, mean, std, output_shape,
             repository, commit, checkpoint, tool, sections=None, dropped=None):
    """The model.json content for weights_file (already written; its SHA-256 is taken here)."""
    entry = {
        "format": FORMAT,
        "family": family,
        "weights": {"file": os.path.basename(weights_file), "kind": kind,
                    "sha256": sha256(weights_file)},
        "input": {"layout": LAYOUT, "frames": frames, "resolution": resolution,
                  "channel_order": "RGB", "value_range": list(value_range),
                  "mean": list(mean), "std": list(std)},
        "output": {"shape": list(output_shape)},
        "upstream": {"repository": repository, "commit": commit, "checkpoint": checkpoint},
        "exported": {"tool": tool, "torch": torch.__version__,
                     "created": datetime.datetime.now(datetime.timezone.utc)
                     .replace(microsecond=0).isoformat()},
    }
    if sections is not None:
        entry["sections"] = list(sections)
    if dropped is not None:
        entry["dropped"] = list(dropped)
    return entry


def write_manifest(folder, entry):
    """Writes folder/model.json atomically and returns its path."""
    path = os.path.join(folder, MANIFEST)
    temporary = path + ".part"
    with open(temporary, "w") as f:
        json.dump(entry, f, indent=2)
        f.write("\n")
    os.replace(temporary, path)
    return path
