"""Small stand-in encoders with the input and output contracts of EchoPrime and PanEcho, for checking
torchscript_export.py without the real models (seeded random weights; they compute nothing useful).
Used by check_exports.py as builders: standins.py:echoprime and standins.py:panecho.
"""
import torch


class EchoPrimeStandIn(torch.nn.Module):
    """[B, 3, 16, 224, 224] -> [B, 512], as EchoPrime's mViT-v2 encoder: tubelets, GELU, mean, head."""

    def __init__(self):
        super().__init__()
        self.tubelets = torch.nn.Conv3d(3, 32, kernel_size=(2, 16, 16), stride=(2, 16, 16))
        self.head = torch.nn.Linear(32, 512)

    def forward(self, video):
        tokens = torch.nn.functional.gelu(self.tubelets(video)).flatten(2)  # [B, 32, N]
        return self.head(tokens.mean(dim=2))


class PanEchoStandIn(torch.nn.Module):
    """[B, 3, 16, 224, 224] -> [B, 768], as PanEcho: a per-frame image encoder, then a temporal
    transformer over the frames and a mean over time."""

    def __init__(self):
        super().__init__()
        self.frame_encoder = torch.nn.Conv2d(3, 768, kernel_size=32, stride=32)
        layer = torch.nn.TransformerEncoderLayer(d_model=768, nhead=8, dim_feedforward=256,
                                                 dropout=0.0, batch_first=True)
        self.time_encoder = torch.nn.TransformerEncoder(layer, num_layers=1)

    def forward(self, video):
        b, c, t, h, w = video.shape
        frames = video.transpose(1, 2).reshape(b * t, c, h, w)
        per_frame = self.frame_encoder(frames).mean(dim=(2, 3)).reshape(b, t, 768)
        return self.time_encoder(per_frame).mean(dim=1)


def echoprime():
    torch.manual_seed(1)
    return EchoPrimeStandIn().eval()


def panecho():
    torch.manual_seed(2)
    return PanEchoStandIn().eval()
