"""Tests for infolib.plotting."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from infolib.plotting import PALETTE, use_book_style  # noqa: E402


def test_style_is_opaque_white_and_colour_blind_safe():
    use_book_style()
    fig, ax = plt.subplots()
    (line,) = ax.plot([0, 1], [0, 1])
    assert matplotlib.colors.to_hex(fig.get_facecolor()) == "#ffffff"
    assert matplotlib.rcParams["savefig.transparent"] is False
    assert line.get_color() == PALETTE[0]
    plt.close(fig)


def test_overrides_use_underscores_for_dots():
    settings = use_book_style(figure_dpi=150)
    assert settings["figure.dpi"] == 150
    assert matplotlib.rcParams["figure.dpi"] == 150
    use_book_style()
