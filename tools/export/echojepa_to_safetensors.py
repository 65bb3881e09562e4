#!/usr/bin/env python3
"""Converts an EchoJEPA / V-JEPA (2) checkpoint (.pt) into safetensors plus the model.json manifest
EchoBench reads, so that no pickle ever reaches Java.

The checkpoint is loaded with torch.load(weights_only=True) where torch has it and it succeeds,
else with this script's own restricted unpickler; both build tensors, plain containers, numbers
and strings only and refuse any other object (--trust-pickle lifts this for a file you trust
completely). It may be

  * a pretraining checkpoint: a dict with 'encoder', 'target_encoder' (each a state dict, keys often
    prefixed 'module.' and 'backbone.'), 'predictor', optimiser state, epoch and so on; the chosen
    encoder sections are written as '<section>.<key>' with every leading 'module.' removed;
  * a single encoder state dict ('module.backbone.blocks.0...' or 'blocks.0...').

Nothing is dropped silently: every top-level entry and tensor that is not written (the predictor,
the optimiser, non-float tensors) is printed and listed under "dropped" in model.json. The output
shape [tokens, D] in the manifest is computed from the patch embedding's weight (tubelet, patch and
width) at the declared frames and resolution.

Example (EchoJEPA-L, 16 frames at 224 px):

  python3 tools/export/echojepa_to_safetensors.py vitl-pt-210-an25.pt --out weights/echojepa-l \\
      --upstream-commit <commit of bowang-lab/EchoJEPA the checkpoint came with>

writes weights/echojepa-l/encoder.safetensors and weights/echojepa-l/model.json; the study config
then says  safetensors: {file: ../weights/echojepa-l/encoder.safetensors, encoder: large}.
"""
import argparse
import os
import pickle
import sys

import torch

import exportlib

SECTIONS = ("target_encoder", "encoder")
WEIGHTS = "encoder.safetensors"
TOOL = "tools/export/echojepa_to_safetensors.py"


def fail(message):
    sys.exit("echojepa_to_safetensors: " + message)


class _TensorsOnly(pickle.Unpickler):
    """An unpickler that builds tensors, plain containers, numbers and strings, and refuses every
    other global (so no code in the file can run)."""

    ALLOWED = {
        ("collections", "OrderedDict"),
        ("torch._utils", "_rebuild_tensor_v2"),
        ("torch._utils", "_rebuild_parameter"),
        ("torch._utils", "_rebuild_parameter_with_state"),
        ("torch", "Size"),
    }

    def find_class(self, module, name):
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError("refused to load the global %s.%s" % (module, name))


class _TensorsOnlyPickle:
    """A pickle module offering only the restricted unpickler."""
    __name__ = "tensors_only_pickle"
    Unpickler = _TensorsOnly


def _load_restricted(path):
    """Reads a zip-format checkpoint (torch.save's format since 1.6) through torch's own reader with
    the restricted unpickler. torch.load cannot be given it: torch 1.13 replaces any pickle_module
    with pickle when weights_only is off. The reader is private to torch, so its absence is one
    clear error."""
    serialization = torch.serialization
    try:
        with serialization._open_file_like(path, "rb") as opened:
            if not serialization._is_zipfile(opened):
                fail("%s is not a zip-format PyTorch checkpoint (what torch.save writes since 1.6); "
                     "a legacy one loads only with --trust-pickle, if you trust it completely"
                     % path)
            with serialization._open_zipfile_reader(opened) as archive:
                return serialization._load(archive, "cpu", _TensorsOnlyPickle, encoding="utf-8")
    except AttributeError as e:
        fail("this torch (%s) lacks the loader this script needs (%s); use a torch whose "
             "torch.load(weights_only=True) reads the file" % (torch.__version__, e))


def load(path, trust_pickle):
    """The checkpoint. Unless the user trusts the file, only tensors, containers, numbers and
    strings are unpickled: by torch.load(weights_only=True) where torch has it, else (torch older
    than 1.13, or 1.13 whose weights-only loader rejects the plain floats a training checkpoint
    holds) by this script's restricted unpickler, which refuses every other global too."""
    try:
        if trust_pickle:
            return torch.load(path, map_location="cpu")
        try:
            return torch.load(path, map_location="cpu", weights_only=True)
        except Exception:  # no weights_only, or it rejected the file: the restricted unpickler decides
            return _load_restricted(path)
    except pickle.UnpicklingError as e:
        fail("%s holds objects other than tensors and containers (%s); pass --trust-pickle only "
             "if you trust the file completely" % (path, str(e).splitlines()[0]))
    except (OSError, RuntimeError, EOFError, ValueError) as e:
        fail("%s: cannot read as a PyTorch checkpoint (%s)" % (path, str(e).splitlines()[0]))


def strip_module(key):
    while key.startswith("module."):
        key = key[len("module."):]
    return key


def describe(name, value):
    if isinstance(value, dict):
        count = sum(1 for v in value.values() if torch.is_tensor(v))
        why = "section not selected" if name in SECTIONS else "not an encoder section"
        return "%s: %d tensors, %s" % (name, count, why)
    if torch.is_tensor(value):
        return "%s: tensor %s outside the encoder sections" % (name, list(value.shape))
    return "%s: %s, not a tensor" % (name, type(value).__name__)


def collect(state, prefix, tensors, dropped):
    """Adds the floating tensors of a state dict under prefix; lists the rest as dropped."""
    for key, value in state.items():
        name = prefix + strip_module(key)
        if not torch.is_tensor(value):
            dropped.append("%s%s: %s, not a tensor" % (prefix, key, type(value).__name__))
        elif exportlib.safetensors_dtype(value) is None:
            dropped.append("%s%s: dtype %s" % (prefix, key, value.dtype))
        elif name in tensors:
            fail("keys %s%s and another both become %s" % (prefix, key, name))
        else:
            tensors[name] = value


def convert(checkpoint, sections):
    """(tensors to write, sections written, dropped entries) of a loaded checkpoint."""
    if not isinstance(checkpoint, dict):
        fail("the checkpoint is a %s, not a dict of state dicts" % type(checkpoint).__name__)
    tensors, dropped = {}, []
    present = [s for s in SECTIONS if isinstance(checkpoint.get(s), dict)]
    if not present:  # a single encoder state dict
        collect(checkpoint, "", tensors, dropped)
        return tensors, [], dropped
    sections = sections or present
    missing = [s for s in sections if s not in present]
    if missing:
        fail("no %s section; the checkpoint has %s" % (", ".join(missing), sorted(checkpoint)))
    for name, value in checkpoint.items():
        if name in sections:
            collect(value, name + ".", tensors, dropped)
        else:
            dropped.append(describe(name, value))
    return tensors, list(sections), dropped


def output_shape(tensors, frames, resolution):
    """[tokens, D] from the patch embedding [D, 3, tubelet, patch, patch] at frames × resolution²."""
    embeds = [t for k, t in tensors.items() if k.endswith("patch_embed.proj.weight")]
    if not embeds:
        fail("no patch_embed.proj.weight: not a V-JEPA video encoder")
    weight = embeds[0]
    if weight.dim() != 5:
        fail("patch_embed.proj.weight has shape %s, not [D, 3, tubelet, patch, patch] (an image "
             "model?)" % list(weight.shape))
    width, _, tubelet, patch, _ = weight.shape
    if frames % tubelet or resolution % patch:
        fail("%d frames at %d px do not tile into tubelets of %d and patches of %d"
             % (frames, resolution, tubelet, patch))
    return [(frames // tubelet) * (resolution // patch) ** 2, int(width)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkpoint", help="the .pt checkpoint")
    parser.add_argument("--out", required=True, help="folder for encoder.safetensors and model.json")
    parser.add_argument("--sections",
                        help="encoder sections to write, of %s (default: every one present)"
                        % ", ".join(SECTIONS))
    parser.add_argument("--frames", type=int, default=16, help="frames per clip (default: 16)")
    parser.add_argument("--resolution", type=int, default=224, help="frame side (default: 224)")
    parser.add_argument("--family", default="echojepa", help="model family (default: echojepa)")
    parser.add_argument("--upstream-repository", default="https://github.com/bowang-lab/EchoJEPA",
                        help="the code the checkpoint belongs to (default: %(default)s)")
    parser.add_argument("--upstream-commit", required=True,
                        help="that code's commit (write 'unknown' if you do not know it)")
    parser.add_argument("--trust-pickle", action="store_true",
                        help="unpickle arbitrary objects (only for a file you trust completely)")
    args = parser.parse_args(argv)

    sections = [s.strip() for s in (args.sections or "").split(",") if s.strip()]
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        fail("unknown sections %s (use %s)" % (unknown, ", ".join(SECTIONS)))
    tensors, written, dropped = convert(load(args.checkpoint, args.trust_pickle), sections)
    if not tensors:
        fail("no floating tensors to write")
    main_prefix = written[0] + "." if written else ""
    shape = output_shape({k: v for k, v in tensors.items() if k.startswith(main_prefix)},
                         args.frames, args.resolution)
    os.makedirs(args.out, exist_ok=True)
    weights = os.path.join(args.out, WEIGHTS)
    exportlib.write_safetensors(weights, tensors)
    entry = exportlib.manifest(
        args.family, weights, "safetensors", args.frames, args.resolution, [0, 1],
        exportlib.IMAGENET_MEAN, exportlib.IMAGENET_STD, shape, args.upstream_repository,
        args.upstream_commit, os.path.basename(args.checkpoint), TOOL, written, dropped)
    manifest = exportlib.write_manifest(args.out, entry)
    print("wrote %s (%d tensors%s) and %s; output [%d, %d] per clip"
          % (weights, len(tensors), ", sections " + ", ".join(written) if written else "",
             manifest, shape[0], shape[1]))
    for line in dropped:
        print("  not written: " + line)


if __name__ == "__main__":
    main()
