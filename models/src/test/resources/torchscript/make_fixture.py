"""Writes the TorchScript fixture that TorchScriptEncoderTest loads through DJL.

A tiny video encoder (Conv3d tubelet embedding, GELU, mean over tokens, Linear) with fixed-seed
weights is traced and saved as tiny_encoder.pt; its output on a deterministic ramp input is written
to tiny_encoder.expected.txt with enough digits to round-trip float32.

Run from this folder with the PyTorch of Debian's python3-torch (1.13): python3 make_fixture.py
"""
import torch

BATCH, CHANNELS, FRAMES, SIZE, DIM = 2, 3, 4, 16, 8


class TinyVideoEncoder(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tubelet = torch.nn.Conv3d(CHANNELS, 16, kernel_size=(2, 4, 4), stride=(2, 4, 4))
        self.head = torch.nn.Linear(16, DIM)

    def forward(self, video):  # [B, 3, T, H, W] -> pooled [B, DIM]
        tokens = torch.nn.functional.gelu(self.tubelet(video)).flatten(2)  # [B, 16, N]
        return self.head(tokens.mean(dim=2))


def ramp():
    count = BATCH * CHANNELS * FRAMES * SIZE * SIZE
    values = (torch.arange(count) % 97).to(torch.float32) / 96.0
    return values.reshape(BATCH, CHANNELS, FRAMES, SIZE, SIZE)


def main():
    torch.manual_seed(0)
    model = TinyVideoEncoder().eval()
    video = ramp()
    with torch.no_grad():
        traced = torch.jit.trace(model, video)
        output = traced(video)
    traced.save("tiny_encoder.pt")
    with open("tiny_encoder.expected.txt", "w") as out:
        out.write("# torch %s; input [%d, %d, %d, %d, %d], x[i] = (i mod 97) / 96 over the row-major index\n"
                  % (torch.__version__, BATCH, CHANNELS, FRAMES, SIZE, SIZE))
        out.write("# output [%d, %d], one row per clip\n" % tuple(output.shape))
        for row in output.tolist():
            out.write(" ".join("%.9g" % value for value in row) + "\n")


if __name__ == "__main__":
    main()
